/**
 * The AlarmSource the dispatcher reads an alarm and one of its transitions through, answered by the
 * alarms service's own reads (by id, and its history newest first), as the platform: a delivery is
 * already bound to its enterprise, and the dispatcher checks the enterprise the alarm names.
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

export function alarmSourceFrom(alarms: AlarmReads): AlarmSource {
  const ctx = systemContext('alarm-webhooks');
  return async (alarmId, transitionId) => {
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
