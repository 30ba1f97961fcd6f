/**
 * What incidents ask of other modules, through their services: the alarms an incident is raised
 * from, with the caller's visibility of alarms (an alarm the caller cannot see is no alarm to link).
 */
import { Problem } from '../../core/errors.ts';
import type { AlarmService } from '../alarms/service.ts';
import type { AlarmFacts, AlarmLookup } from './service.ts';

export function alarmLookup(alarms: Pick<AlarmService, 'get'>): AlarmLookup {
  return async (ctx, ids) => {
    const found: AlarmFacts[] = [];
    // At most 100 ids per request (the schemas' bound), each one indexed read.
    for (const id of ids) {
      try {
        const a = await alarms.get(ctx, id);
        found.push({ id: a.id, enterpriseId: a.enterpriseId, category: a.category, severity: a.severity, state: a.state, level: a.level, message: a.message, tagId: a.tagId, unitId: a.unitId, raisedAt: a.raisedAt });
      } catch (err) {
        if (!(err instanceof Problem) || err.kind !== 'not-found') throw err;
      }
    }
    return found;
  };
}
