/**
 * The AlarmSource the dispatcher reads an alarm and one of its transitions through, answered by the
 * alarms service's own reads (by id, and its history newest first) as the webhook's owner would
 * read them: an enterprise's webhook as that enterprise (every alarm of its own), the park's as the
 * park (only what the park may see). The dispatcher also checks the enterprise the alarm names.
 */
import { Problem } from '../../../core/errors.ts';
import { systemContext, type AuthContext } from '../../../core/roles.ts';
import type { AlarmSource, TransitionView } from './dispatcher.ts';

/** What the adapter needs of the alarms service (its `get` and `history`). */
export interface AlarmReads {
  get(ctx: AuthContext, id: number): Promise<{ id: number; enterpriseId: number; [more: string]: unknown }>;
  history(ctx: AuthContext, id: number, page: { limit: number; offset: number }): Promise<{ items: { id: number; at: number; by: string; why: string; fromState: string; toState: string; note: string | null }[]; total: number }>;
}

/** How far back the transition is looked for: a delivery is normally sent moments after it. */
const PAGE = 200;
const MAX_PAGES = 5;

/** Who reads for a webhook of `ownerId` (null: the park's). */
function readerFor(ownerId: number | null): AuthContext {
  const park = systemContext('alarm-webhooks');
  return ownerId === null ? park : { ...park, role: 'enterprise_viewer', enterpriseId: ownerId };
}

export function alarmSourceFrom(alarms: AlarmReads): AlarmSource {
  return async (alarmId, transitionId, webhookOwnerId) => {
    const ctx = readerFor(webhookOwnerId);
    let alarm;
    try {
      alarm = await alarms.get(ctx, alarmId);
    } catch (err) {
      if (err instanceof Problem && err.kind === 'not-found') return null;
      throw err;
    }
    let transition: Partial<TransitionView> | null = null;
    for (let page = 0; page < MAX_PAGES && transition === null; page++) {
      const h = await alarms.history(ctx, alarmId, { limit: PAGE, offset: page * PAGE });
      const t = h.items.find((x) => x.id === transitionId);
      if (t) transition = { at: t.at, by: t.by, why: t.why, from: t.fromState, to: t.toState, note: t.note };
      // Newest first: past an older transition than the one sought, or past the end, it is not there.
      if (h.items.length < PAGE || h.items.some((x) => x.id < transitionId)) break;
    }
    return { alarm, transition };
  };
}
