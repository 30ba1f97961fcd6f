/**
 * The contract of a PointWriter (store.ts has the Kysely writer, sqlite-writer.ts the embedded one)
 * and what both share. A file of its own so that the lazily loaded SQLite writer does not import
 * store.ts, which imports it: no cycle.
 */
import { bucketOf, ROLLUP_STEPS, type Point } from './model.ts';

export interface WriteReport {
  inserted: number;
  overwritten: number;
}

export interface DeviceSeen {
  deviceId: number;
  lastTs: number;
  /** How it reached us: mqtt, http, sparkplug, opcua, import. */
  via: string;
}

export interface PointWriter {
  write(points: readonly Point[], seen: readonly DeviceSeen[]): Promise<WriteReport>;
}

export interface DirtyBucket {
  tagId: number;
  stepMs: number;
  bucket: number;
}

/** The buckets of every resolution that an overwritten point touches, finest first. */
export function dirtyBucketsOf(overwrites: readonly Point[]): DirtyBucket[] {
  const seen = new Set<string>();
  const out: DirtyBucket[] = [];
  for (const stepMs of ROLLUP_STEPS) {
    for (const p of overwrites) {
      const bucket = bucketOf(p.ts, stepMs);
      const k = `${p.tagId}:${stepMs}:${bucket}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ tagId: p.tagId, stepMs, bucket });
    }
  }
  return out;
}
