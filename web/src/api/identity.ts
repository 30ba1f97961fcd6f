/** Identifiers: minting one (with an optional public description), knowing what it makes stale. */
import { api } from './client';
import { useCreate } from './hooks';
import type { NewIdentifier } from './types';
import type { Identifier } from '../components/identifiers';

export const useMintIdentifier = () => useCreate<Identifier, NewIdentifier>('identifiers');

/** The identifier a handle names, if the caller may see it (the list searches suffixes; the handle is matched exactly). */
export async function findByHandle(prefix: string, suffix: string, signal?: AbortSignal): Promise<Identifier | null> {
  const page = await api.get<{ items: Identifier[] }>('/identifiers', { q: suffix, limit: 50 }, signal);
  return page.items.find((i) => i.prefix === prefix && i.suffix === suffix) ?? null;
}
