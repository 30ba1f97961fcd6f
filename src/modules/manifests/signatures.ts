/**
 * The hash chain of a manifest's signatures, pure. Each signature's hash is SHA-256 (hex) over the
 * canonical JSON (keys sorted at every depth, no spaces) of its fields and the previous signature's
 * hash; the first signature chains to 64 zeros. Changing any field of any signature, dropping one or
 * swapping two breaks every hash from there on, so `verifyChain` tells whether the rows read back are
 * the rows signed.
 *
 * `content` binds a signature to what was signed: SHA-256 over the manifest's lines, legs and
 * receiver at the moment of signing. The signatures table has no column of its own for it: the
 * service keeps it in the row's `detail` (detail.content) and hands it back here as `content`.
 */
import { createHash } from 'node:crypto';
import type { ManifestLeg, ManifestLine, SeenQuantity, SignatureLocation } from './model.ts';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with every object's keys sorted, recursively: the same value gives the same text whatever
 * order its keys were built or read back from the database in. Undefined object members are left
 * out and undefined array items become null, as JSON.stringify does; a value JSON cannot carry
 * (NaN, Infinity, a bigint, a function) throws rather than hash as something else.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot carry ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot carry a ${typeof value}`);
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of what a signature attests to: the lines (declared and as received), the legs and the receiver. */
export function contentDigest(content: { lines: readonly ManifestLine[]; legs: readonly ManifestLeg[]; receiverId: number }): string {
  return sha256(canonicalJson({ lines: content.lines, legs: content.legs, receiverId: content.receiverId }));
}

/** What a signature's hash covers (the row's fields, `content` from its detail). */
export interface SignatureFields {
  manifestId: number;
  number: string;
  revision: number;
  seq: number;
  version: number;
  action: string;
  party: string;
  leg: number | null;
  enterpriseId: number;
  userId: number | null;
  username: string;
  role: string;
  via: string;
  at: number;
  location: SignatureLocation | null;
  seen: readonly SeenQuantity[];
  detail: Record<string, unknown> | null;
  note: string | null;
  content: string;
}

export interface ChainedSignature extends SignatureFields {
  prevHash: string;
  hash: string;
}

/** The hash of a signature with these fields following `prevHash`. */
export function signatureHash(prevHash: string, fields: SignatureFields): string {
  const f = fields;
  // Named one by one: a caller's extra properties (the row's id, its hash) must not slip into the hash.
  const covered = {
    prevHash,
    manifestId: f.manifestId,
    number: f.number,
    revision: f.revision,
    seq: f.seq,
    version: f.version,
    action: f.action,
    party: f.party,
    leg: f.leg,
    enterpriseId: f.enterpriseId,
    userId: f.userId,
    username: f.username,
    role: f.role,
    via: f.via,
    at: f.at,
    location: f.location,
    seen: f.seen,
    detail: f.detail,
    note: f.note,
    content: f.content,
  };
  return sha256(canonicalJson(covered));
}

/** The index of the first signature that does not check out (its seq, its link to the previous one, or its hash), or null when all do. */
export function firstBrokenSignature(signatures: readonly ChainedSignature[]): number | null {
  let prev = GENESIS_HASH;
  for (const [i, s] of signatures.entries()) {
    if (s.seq !== i + 1 || s.prevHash !== prev) return i;
    let hash: string;
    try {
      hash = signatureHash(s.prevHash, s);
    } catch {
      return i;
    }
    if (hash !== s.hash) return i;
    prev = s.hash;
  }
  return null;
}

/** Whether the signatures, in seq order, form an unbroken chain from the first. */
export function verifyChain(signatures: readonly ChainedSignature[]): boolean {
  return firstBrokenSignature(signatures) === null;
}
