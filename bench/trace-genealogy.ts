/**
 * A deterministic genealogy for bench:trace: lots in tiers, each lot made by one TransformationEvent
 * of its enterprise from 1–3 lots of the previous tier, and handed to the enterprise that consumes
 * it by a shipping ObjectEvent (sender) and a receiving ObjectEvent (receiver).
 *
 * Shape. Tier t has `width` lots at positions 0…width-1, cut into one block of `block` positions per
 * enterprise; the blocks of odd tiers are shifted by half a block, so a block draws on the lots of
 * two enterprises of the previous tier. Block b of tier t belongs to enterprise (b + 3t) mod E, which
 * is never the enterprise of an overlapping block of the tier before (it differs by 2, 3 or 4): every
 * lot changes hands before it is used. Within a block, every lot of the previous tier is consumed by
 * one or two transformations (half of them by two), and the transformations take their inputs in
 * position order (one to three, mostly one or two), so a lot's ancestors and descendants stay in a
 * narrow band of positions: depth-20 traces have tens to a few hundred lots, not an exponential tree.
 * Lots of the last tier are shipped to a customer enterprise of the park.
 *
 * Counts: `lots` transformations and 2 × `lots` object events (every lot is shipped once).
 * Everything comes from a seeded PRNG: the same options give the same events, byte for byte.
 */
import { mulberry32 } from './lib.ts';

export interface GenealogyOptions {
  lots: number;
  enterprises?: number;
  tiers?: number;
  seed?: number;
}

export interface EnterpriseIds {
  /** 7-digit GS1 company prefix */
  gcp: string;
  /** 13-digit GLN (company prefix, location reference 00000, check digit) */
  gln: string;
}

/** The seeded generator the genealogy is drawn with (bench/lib.ts). */
export const prng = mulberry32;

function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(digits.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export const enterpriseIds = (e: number): EnterpriseIds => {
  const gcp = String(6952000 + e + 1);
  const base = `${gcp}00000`;
  return { gcp, gln: base + gs1CheckDigit(base) };
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 0, 0, 0);
const OFFSET = '+08:00';
/** An RFC 3339 time in China Standard Time. */
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', OFFSET);

export interface QuantityElement {
  epcClass: string;
  quantity: number;
  uom: string;
}

export class Genealogy {
  readonly enterprises: number;
  readonly tiers: number;
  readonly width: number;
  readonly block: number;
  readonly lots: number;
  readonly seed: number;
  /** Lot quantity by tier and position (kg or tonnes, see `uom`). */
  private readonly qty: Float64Array[] = [];
  /** Inputs of the transformation that made lot (t, p): CSR over positions of tier t-1. */
  private readonly inStart: Int32Array[] = [];
  private readonly inPos: Int32Array[] = [];
  private readonly inQty: Float64Array[] = [];
  /** Transformations (positions in tier t+1) that consume lot (t, q): CSR. */
  private readonly outStart: Int32Array[] = [];
  private readonly outPos: Int32Array[] = [];

  constructor(opts: GenealogyOptions) {
    this.enterprises = opts.enterprises ?? 50;
    this.tiers = opts.tiers ?? 25;
    this.seed = opts.seed ?? 2611;
    this.block = Math.floor(opts.lots / this.tiers / this.enterprises);
    if (this.block < 4) throw new Error(`at least ${4 * this.tiers * this.enterprises} lots (${this.tiers} tiers × ${this.enterprises} enterprises × 4)`);
    if (this.enterprises < 5) throw new Error('at least 5 enterprises');
    this.width = this.block * this.enterprises;
    this.lots = this.width * this.tiers;
    for (let t = 0; t < this.tiers; t++) this.buildTier(t);
    for (let t = 0; t < this.tiers - 1; t++) this.buildConsumers(t);
  }

  get transformations(): number {
    return this.lots;
  }
  get events(): number {
    return this.lots * 3;
  }

  private offset(t: number): number {
    return t % 2 ? Math.floor(this.block / 2) : 0;
  }
  /** Block of position p in tier t. */
  blockOf(t: number, p: number): number {
    return Math.floor((((p - this.offset(t)) % this.width) + this.width) % this.width / this.block);
  }
  /** The enterprise (0-based) that makes lot (t, p). */
  producer(t: number, p: number): number {
    return (this.blockOf(t, p) + 3 * t) % this.enterprises;
  }
  /** The enterprise the lot is shipped to: the one whose transformations consume it, or a customer. */
  consumer(t: number, p: number): number {
    if (t < this.tiers - 1) return this.producer(t + 1, p);
    return (this.producer(t, p) + 1 + (p % 7)) % this.enterprises;
  }
  uom(t: number): string {
    return t % 3 === 0 ? 'TNE' : 'KGM';
  }
  quantity(t: number, p: number): number {
    return this.qty[t][p];
  }
  /** The lot as an EPC class URI (LGTIN): company prefix of its maker, item reference of its tier. */
  lotUri(t: number, p: number): string {
    const { gcp } = enterpriseIds(this.producer(t, p));
    return `urn:epc:class:lgtin:${gcp}.0${pad(10000 + t, 5)}.T${pad(t, 2)}-${pad(p, 6)}`;
  }
  /** Inverse of lotUri (any company prefix), or null. */
  parseLot(uri: string): { t: number; p: number } | null {
    const m = /T(\d{2})-(\d{6})$/.exec(uri);
    return m ? { t: Number(m[1]), p: Number(m[2]) } : null;
  }
  inputsOf(t: number, p: number): { p: number; quantity: number }[] {
    if (t === 0) return [];
    const s = this.inStart[t];
    const out = [];
    for (let i = s[p]; i < s[p + 1]; i++) out.push({ p: this.inPos[t][i], quantity: this.inQty[t][i] });
    return out;
  }
  consumersOf(t: number, q: number): number[] {
    if (t >= this.tiers - 1) return [];
    const s = this.outStart[t];
    return Array.from(this.outPos[t].subarray(s[q], s[q + 1]));
  }

  private buildTier(t: number): void {
    const W = this.width;
    const B = this.block;
    const rnd = prng(mix(this.seed, t, 0xa11));
    const q = new Float64Array(W);
    const tonnes = this.uom(t) === 'TNE';
    for (let p = 0; p < W; p++) q[p] = tonnes ? Math.round((5 + rnd() * 35) * 1000) / 1000 : Math.round(500 + rnd() * 19_500);
    this.qty.push(q);
    if (t === 0) {
      this.inStart.push(new Int32Array(W + 1));
      this.inPos.push(new Int32Array(0));
      this.inQty.push(new Float64Array(0));
      return;
    }
    const prevQty = this.qty[t - 1];
    const starts = new Int32Array(W + 1);
    const lists: { p: number; quantity: number }[][] = new Array(W);
    for (let b = 0; b < this.enterprises; b++) {
      const r = prng(mix(this.seed, t, b, 0xb10c));
      const first = (b * B + this.offset(t)) % W;
      const pos = (i: number) => (first + i) % W;
      // Each lot of the previous tier in this block is used once or twice: that many slots.
      const slots: number[] = [];
      const uses = new Uint8Array(B);
      for (let i = 0; i < B; i++) {
        uses[i] = r() < 0.5 ? 2 : 1;
        for (let k = 0; k < uses[i]; k++) slots.push(i);
      }
      const share = (i: number) => prevQty[pos(i)] / uses[i];
      // Every transformation takes one slot, the extra slots go to random ones (at most three each).
      const take = new Uint8Array(B).fill(1);
      for (let extra = slots.length - B; extra > 0; ) {
        const j = Math.floor(r() * B);
        if (take[j] < 3) {
          take[j]++;
          extra--;
        }
      }
      let s = 0;
      for (let j = 0; j < B; j++) {
        const inputs = new Map<number, number>();
        for (let k = 0; k < take[j]; k++, s++) {
          const i = slots[s];
          inputs.set(i, (inputs.get(i) ?? 0) + share(i));
        }
        lists[pos(j)] = [...inputs].map(([i, quantity]) => ({ p: pos(i), quantity: Math.round(quantity * 1000) / 1000 }));
      }
    }
    let n = 0;
    for (let p = 0; p < W; p++) {
      starts[p] = n;
      n += lists[p].length;
    }
    starts[W] = n;
    const ip = new Int32Array(n);
    const iq = new Float64Array(n);
    for (let p = 0, k = 0; p < W; p++) {
      for (const x of lists[p]) {
        ip[k] = x.p;
        iq[k++] = x.quantity;
      }
    }
    this.inStart.push(starts);
    this.inPos.push(ip);
    this.inQty.push(iq);
  }

  private buildConsumers(t: number): void {
    const W = this.width;
    const count = new Int32Array(W + 1);
    const s = this.inStart[t + 1];
    const ip = this.inPos[t + 1];
    for (let i = 0; i < ip.length; i++) count[ip[i] + 1]++;
    for (let q = 0; q < W; q++) count[q + 1] += count[q];
    const fill = count.slice(0, W);
    const out = new Int32Array(ip.length);
    for (let p = 0; p < W; p++) for (let i = s[p]; i < s[p + 1]; i++) out[fill[ip[i]]++] = p;
    this.outStart.push(count);
    this.outPos.push(out);
  }

  /** The lots reachable from (t, p) within `depth` steps backward and forward, as "t.p" keys (with the lot itself). */
  closure(t: number, p: number, depth: number): Set<string> {
    const seen = new Set<string>([`${t}.${p}`]);
    let frontier = [p];
    for (let d = 1, tt = t; d <= depth && tt > 0 && frontier.length; d++, tt--) {
      const next: number[] = [];
      for (const x of frontier) {
        for (const i of this.inputsOf(tt, x)) {
          if (seen.has(`${tt - 1}.${i.p}`)) continue;
          seen.add(`${tt - 1}.${i.p}`);
          next.push(i.p);
        }
      }
      frontier = next;
    }
    frontier = [p];
    for (let d = 1, tt = t; d <= depth && tt < this.tiers - 1 && frontier.length; d++, tt++) {
      const next: number[] = [];
      for (const x of frontier) {
        for (const c of this.consumersOf(tt, x)) {
          if (seen.has(`${tt + 1}.${c}`)) continue;
          seen.add(`${tt + 1}.${c}`);
          next.push(c);
        }
      }
      frontier = next;
    }
    return seen;
  }

  /** When lot (t, p) is made; it is shipped an hour later and received two hours after that. */
  madeAt(t: number, p: number): number {
    return START + t * DAY + Math.floor((p / this.width) * 20 * 3_600_000) + (p % 60) * 1000;
  }

  /** The TransformationEvent that makes lot (t, p). */
  transformation(t: number, p: number): Record<string, unknown> {
    const e = enterpriseIds(this.producer(t, p));
    const ev: Record<string, unknown> = {
      type: 'TransformationEvent',
      eventTime: local(this.madeAt(t, p)),
      eventTimeZoneOffset: OFFSET,
    };
    const inputs = this.inputsOf(t, p);
    if (inputs.length) ev.inputQuantityList = inputs.map((i) => ({ epcClass: this.lotUri(t - 1, i.p), quantity: i.quantity, uom: this.uom(t - 1) }));
    // EPCIS 2.0 (and GS1's schema): a transformation with outputs only names its transformationID.
    else ev.transformationID = `urn:uuid:00000000-0000-4000-8000-${pad(t, 4)}${pad(p, 8)}`;
    ev.outputQuantityList = [{ epcClass: this.lotUri(t, p), quantity: this.quantity(t, p), uom: this.uom(t) }];
    ev.bizStep = 'creating_class_instance';
    ev.disposition = 'active';
    ev.readPoint = { id: `urn:epc:id:sgln:${e.gcp}.00001.${pad(t, 2)}` };
    ev.bizLocation = { id: `urn:epc:id:sgln:${e.gcp}.00001.0` };
    return ev;
  }

  /** Shipping (by the maker) or receiving (by the consumer) of lot (t, p). */
  handOver(t: number, p: number, step: 'shipping' | 'receiving'): Record<string, unknown> {
    const from = enterpriseIds(this.producer(t, p));
    const to = enterpriseIds(this.consumer(t, p));
    const here = step === 'shipping' ? from : to;
    const made = this.madeAt(t, p);
    const despatch = `urn:epcglobal:cbv:bt:${from.gln}:${pad(t, 2)}${pad(p, 6)}`;
    return {
      type: 'ObjectEvent',
      eventTime: local(made + (step === 'shipping' ? 1 : 3) * 3_600_000),
      eventTimeZoneOffset: OFFSET,
      quantityList: [{ epcClass: this.lotUri(t, p), quantity: this.quantity(t, p), uom: this.uom(t) }],
      action: 'OBSERVE',
      bizStep: step,
      disposition: step === 'shipping' ? 'in_transit' : 'in_progress',
      readPoint: { id: `urn:epc:id:sgln:${here.gcp}.00002.0` },
      ...(step === 'receiving' ? { bizLocation: { id: `urn:epc:id:sgln:${here.gcp}.00001.0` } } : {}),
      bizTransactionList: [{ type: 'desadv', bizTransaction: despatch }],
      // The sender writes parties as EPC URIs, the receiver as Digital Link: both forms occur.
      sourceList: [{ type: 'owning_party', source: step === 'shipping' ? `urn:epc:id:pgln:${from.gcp}.00000` : `https://id.gs1.org/417/${from.gln}` }],
      destinationList: [{ type: 'owning_party', destination: step === 'shipping' ? `urn:epc:id:pgln:${to.gcp}.00000` : `https://id.gs1.org/417/${to.gln}` }],
    };
  }

  /**
   * The events of tier t grouped by the enterprise that captures them: its transformations, the
   * shipping of the lots it made, the receiving of the lots it is sent.
   */
  *tierEvents(t: number): Generator<{ enterprise: number; event: Record<string, unknown> }> {
    for (let p = 0; p < this.width; p++) {
      yield { enterprise: this.producer(t, p), event: this.transformation(t, p) };
      yield { enterprise: this.producer(t, p), event: this.handOver(t, p, 'shipping') };
      yield { enterprise: this.consumer(t, p), event: this.handOver(t, p, 'receiving') };
    }
  }
}
