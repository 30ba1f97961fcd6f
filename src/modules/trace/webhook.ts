/**
 * The webhook client of EPCIS subscriptions: one EPCISQueryDocument per call, signed when the
 * subscription has a token, always through the outbound guard (src/core/outbound.ts).
 */
import { createHmac } from 'node:crypto';
import { checkDestination, postWebhook, type OutboundPolicy } from '../../core/outbound.ts';
import type { Db } from '../../adapters/db/index.ts';
import { outboundPolicy, type OutboundOptions } from '../registry/service.ts';
import { queryDocument } from './service.ts';

/** The GS1-Signature of a webhook body: base64 HMAC-SHA256 of the exact body bytes, keyed by the signatureToken (UTF-8). */
export function signBody(token: string, body: string | Buffer): string {
  return createHmac('sha256', token).update(body).digest('base64');
}

export type { OutboundOptions };

export interface WebhookCall {
  dest: string;
  /** The subscription's signatureToken; null: unsigned. */
  token: string | null;
  queryName: string;
  subscriptionID: string;
  events: Record<string, unknown>[];
}

export type WebhookOutcome = { ok: true } | { ok: false; status?: number; error: string };

export class WebhookClient {
  constructor(
    private readonly db: Db,
    private readonly outbound: OutboundOptions = {},
  ) {}

  /** The guard's policy now: the park's allow-list as stored (an administrator's change applies at the next call), the resolver. */
  async policy(): Promise<OutboundPolicy> {
    return outboundPolicy(this.db, this.outbound);
  }

  /** Checks a destination when a subscription is made (its name resolved now); throws OutboundRefused. */
  async check(dest: URL): Promise<void> {
    await checkDestination(dest, await this.policy());
  }

  /**
   * One delivery. The destination's resolved addresses are checked again at connect, so a
   * destination refused since the subscription was made, or a name that now resolves inside, fails
   * with the reason recorded in the subscription's status. Redirects are not followed: the signed
   * document goes to the registered destination only.
   */
  async post(call: WebhookCall, timeoutMs: number): Promise<WebhookOutcome> {
    const body = JSON.stringify(queryDocument(call.queryName, call.events, call.subscriptionID));
    const headers: Record<string, string> = { 'content-type': 'application/ld+json', 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' };
    if (call.token !== null) headers['GS1-Signature'] = signBody(call.token, body);
    const res = await postWebhook(call.dest, { method: 'POST', headers, body, timeoutMs, ...(await this.policy()) });
    return res.ok ? { ok: true } : { ok: false, status: res.status, error: res.error };
  }
}
