/**
 * What the exchange asks of the registry, through its services: the park's materials, sites and
 * enterprises. The market and the plan set listings of several enterprises side by side, so their
 * materials (some an enterprise's own), sites and names are read for the platform (a park reader):
 * what is then shown of them to a caller is decided by visibility.ts, never by this read.
 */
import { MAX_LIMIT } from '../../core/crud/schemas.ts';
import type { ItemOf, Page } from '../../core/crud/spec.ts';
import type { AuthContext } from '../../core/roles.ts';
import type { materialSpec, siteSpec } from '../registry/resources.ts';
import type { RegistryService } from '../registry/service.ts';

export type MaterialItem = ItemOf<typeof materialSpec>;
export type SiteItem = ItemOf<typeof siteSpec>;

/** A park reader: sees every enterprise's registry rows, writes nothing (it is only ever given to reads). */
const PARK_READER: AuthContext = { userId: null, username: 'exchange', role: 'park_viewer', enterpriseId: null, via: 'system' };

async function all<T>(page: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const p = await page(offset);
    items.push(...p.items);
    if (p.items.length < MAX_LIMIT || items.length >= p.total) return items;
  }
}

export interface Neighbourhood {
  materials: Map<number, MaterialItem>;
  sites: Map<number, SiteItem>;
  enterprises: Map<number, { id: number; code: string; name: string; nameEn: string | null }>;
}

export class ExchangeNeighbours {
  constructor(private readonly registry: RegistryService) {}

  async materials(): Promise<Map<number, MaterialItem>> {
    const items = await all((offset) => this.registry.materials.list(PARK_READER, { limit: MAX_LIMIT, offset }));
    return new Map(items.map((m) => [m.id, m]));
  }

  async sites(): Promise<Map<number, SiteItem>> {
    const items = await all((offset) => this.registry.sites.list(PARK_READER, { limit: MAX_LIMIT, offset }));
    return new Map(items.map((s) => [s.id, s]));
  }

  async enterprises(): Promise<Neighbourhood['enterprises']> {
    return new Map((await this.registry.directory()).map((e) => [e.id, { id: e.id, code: e.code, name: e.name, nameEn: e.nameEn }]));
  }

  async all(): Promise<Neighbourhood> {
    const [materials, sites, enterprises] = await Promise.all([this.materials(), this.sites(), this.enterprises()]);
    return { materials, sites, enterprises };
  }

  async timeZone(): Promise<string> {
    return (await this.registry.getPark().catch(() => null))?.timezone ?? 'Asia/Shanghai';
  }

  /** Ids of the materials whose code or names contain the text. */
  materialIdsMatching(text: string): Promise<number[]> {
    return this.registry.materialIdsMatching(text);
  }

  /** The materials the caller may use, by code (the catalogue and its own; the registry's rule). */
  usableMaterials(ctx: AuthContext): Promise<Map<string, MaterialItem>> {
    return this.registry.usableMaterials(ctx);
  }

  /** The caller's units with their sites (drafts name the site of the unit a waste comes from). */
  async unitSites(ctx: AuthContext): Promise<Map<number, number>> {
    const items = await all((offset) => this.registry.units.list(ctx, { limit: MAX_LIMIT, offset }));
    return new Map(items.map((u) => [u.id, u.siteId]));
  }
}
