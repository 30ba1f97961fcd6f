/**
 * Which webhooks an alarm transition goes to. Pure, so that the tenancy rule is stated once and
 * property-tested: an enterprise's webhook is sent only that enterprise's alarms; a park webhook
 * (no enterprise) only alarms the park may see; then the webhook's own filters.
 */
import type { DomainEvents } from '../../../core/events.ts';
import { SEVERITIES, severityRank, type Severity } from '../rule-model.ts';
import type { TransitionWhy } from '../lifecycle.ts';

/** Every transition a webhook may ask for: the lifecycle's `why` codes. */
export const WEBHOOK_TRANSITIONS = [
  'raised',
  'escalated',
  'level_changed',
  'cleared',
  'acknowledged',
  'shelved',
  'reshelved',
  'unshelved',
  'shelf_expired',
  'suppressed',
  'unsuppressed',
] as const satisfies readonly TransitionWhy[];
type Unlisted = Exclude<TransitionWhy, (typeof WEBHOOK_TRANSITIONS)[number]>;
/** Every `why` of the lifecycle is listed: a new one added there fails to compile here. */
export const TRANSITIONS_COMPLETE: [Unlisted] extends [never] ? true : never = true;

/** What a new webhook is sent unless it says otherwise: what needs someone's attention. */
export const DEFAULT_TRANSITIONS: (typeof WEBHOOK_TRANSITIONS)[number][] = ['raised', 'escalated', 'cleared'];

export type AlarmChanged = DomainEvents['alarms.alarm.changed'];

/** A webhook as matching needs it (its JSON columns parsed). */
export interface WebhookFilter {
  enterpriseId: number | null;
  enabled: boolean;
  minSeverity: Severity;
  /** Empty: every category. */
  categories: readonly string[];
  transitions: readonly string[];
}

/**
 * The rank of an event's severity (1..4): its name, or a rank as digits (the lifecycle stores
 * ranks); 0 when it is neither, which only a webhook taking every severity receives.
 */
export function rankOf(severity: string): number {
  if ((SEVERITIES as readonly string[]).includes(severity)) return severityRank(severity as Severity);
  const n = Number(severity);
  return /^\d+$/.test(severity) && n >= 1 && n <= SEVERITIES.length ? n : 0;
}

/** Whether the webhook wants the event. `parkSees`: whether the park may see this alarm. */
export function wants(hook: WebhookFilter, event: AlarmChanged, parkSees: boolean): boolean {
  if (!hook.enabled) return false;
  // Tenancy first: nothing below may widen it.
  if (hook.enterpriseId === null ? !parkSees : hook.enterpriseId !== event.enterpriseId) return false;
  const rank = rankOf(event.severity);
  if (rank < severityRank(hook.minSeverity) && !(rank === 0 && hook.minSeverity === SEVERITIES[0])) return false;
  if (hook.categories.length > 0 && !hook.categories.includes(event.category)) return false;
  return hook.transitions.includes(event.why);
}
