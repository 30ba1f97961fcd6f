import { createHash } from 'node:crypto';

/**
 * A UUID derived from `seed` (the version 5 layout over SHA-256, not RFC 9562's SHA-1 over a
 * namespace): the same seed names the same record every time, so a retried write names the same
 * EPCIS event instead of a second one. Exchange deliveries and manifest steps seed their event IDs
 * with it; stored IDs depend on the exact bytes, so the algorithm must not change.
 */
export function seededUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
