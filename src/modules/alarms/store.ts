/**
 * The alarms' rows: one per condition, the lifecycle's `Alarm` as its JSON and the columns that
 * project it for lists and filters, and a journal row per transition. Writes happen inside the
 * caller's transaction (the service owns transactions, audit and events); on PostgreSQL the rows
 * are read FOR UPDATE, so two writers of one alarm (the runtime raising it, an operator
 * acknowledging it) apply their events one after the other, never over each other.
 */
import { sql, type Selectable } from 'kysely';
import { tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { recordEvent } from '../../adapters/db/outbox.ts';
import { moduleDb, unscoped } from '../../core/tenancy.ts';
import { systemContext, type AuthContext } from '../../core/roles.ts';
import type { SubjectNames } from '../registry/service.ts';
import type { Alarm, AlarmTransition } from './lifecycle.ts';
import { severityOfRank, type ConditionDetail, type Severity } from './rule-model.ts';
import { apiStateOf, lifecycleStateOf, type AlarmItem, type AlarmListQuery, type AlarmSummary, type ApiState, type TransitionItem, API_STATES } from './schemas.ts';
import { SEVERITIES } from './rule-model.ts';
import type { AlarmsTable, AlarmTables } from './tables.ts';
import { visibleAlarms } from './visibility.ts';

export type AlarmRow = Selectable<AlarmsTable>;

export interface Written {
  row: AlarmRow;
  transitionIds: number[];
}

/** Who acted, as the journal and the lifecycle record it. */
export interface Actor {
  by: string;
  name: string | null;
}
export const SYSTEM_ACTOR: Actor = { by: 'system', name: null };
export const actorOf = (ctx: AuthContext): Actor => ({ by: ctx.userId !== null ? String(ctx.userId) : ctx.username, name: ctx.username });

/** What a row's columns say of its lifecycle JSON (the columns are never written otherwise). */
function projection(a: Alarm, fallbackSeverity: Severity) {
  return {
    state: a.state,
    active: a.condition.active ? 1 : 0,
    level: a.condition.level,
    severity: a.condition.severity === null ? fallbackSeverity : severityOfRank(a.condition.severity),
    raised_at: a.raisedAt,
    cleared_at: a.clearedAt,
    acked_at: a.ack?.at ?? null,
    acked_by: a.ack?.by ?? null,
    shelved_until: a.shelf?.until ?? null,
    lifecycle: JSON.stringify(a),
  };
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
const iso = (t: number | null | undefined): string => (t === null || t === undefined ? 'never' : new Date(t).toISOString().replace('.000Z', 'Z'));

/** The English message of a condition (the console translates from level and detail instead). */
export function conditionMessage(level: string, value: number | null, d: ConditionDetail): string {
  if (level === 'HH' || level === 'H') return `${level}: ${fmt(value)} above the limit ${fmt(d.limit)}`;
  if (level === 'LL' || level === 'L') return `${level}: ${fmt(value)} below the limit ${fmt(d.limit)}`;
  if (level === 'ROC_UP') return `Rose by ${fmt(d.change ?? null)} within the window (allowed ${fmt(d.limit)})`;
  if (level === 'ROC_DOWN') return `Fell by ${fmt(d.change === undefined ? null : Math.abs(d.change))} within the window (allowed ${fmt(d.limit)})`;
  if (level === 'NO_DATA') return `No data since ${iso(d.lastSeenAt)}`;
  const w = /^(MEAN|SUM)_(H|L)$/.exec(level);
  if (w) {
    const what = w[1] === 'MEAN' ? 'Window mean' : 'Window total';
    const span = d.windowStart !== undefined ? ` for ${iso(d.windowStart)}–${iso(d.windowEnd)}` : '';
    const completeness = d.completeness !== undefined ? ` (${Math.round(d.completeness * 100)}% complete)` : '';
    return `${what} ${fmt(value)} ${w[2] === 'H' ? 'above' : 'below'} ${fmt(d.limit)}${span}${completeness}`;
  }
  if (/^SPC[1-8]$/.test(level)) return `SPC run rule ${d.runRule ?? level.slice(3)}${d.runRuleName ? ` (${d.runRuleName})` : ''} violated at ${fmt(value)}`;
  if (level === 'FORECAST_H' || level === 'FORECAST_L') {
    const p = d.probability !== undefined ? ` with probability ${Math.round(d.probability * 100)}%` : '';
    return `Forecast to cross the ${level === 'FORECAST_H' ? 'high' : 'low'} limit ${fmt(d.limit)} at ${iso(d.predictedAt)}${p}`;
  }
  return `${level}: ${fmt(value)}`;
}

type Filter = Pick<AlarmListQuery, 'state' | 'severity' | 'category' | 'enterpriseId' | 'tagId' | 'deviceId' | 'unitId' | 'ruleId' | 'source' | 'q'>;

/** The display names of what alarms point at, for one page of items (the registry's namesOf). */
export type NamesOf = (ids: { tagIds: number[]; deviceIds: number[]; enterpriseIds: number[] }) => Promise<SubjectNames>;

export class AlarmStore {
  constructor(
    private readonly handle: DbHandle,
    private readonly names: NamesOf,
  ) {}

  get db() {
    return moduleDb(tablesOf<AlarmTables>(this.handle.db));
  }

  /** Rows by source key, locked until the transaction ends (PostgreSQL). */
  async lockByKeys(trx: Tx, keys: readonly string[]): Promise<Map<string, AlarmRow>> {
    const out = new Map<string, AlarmRow>();
    if (!keys.length) return out;
    const db = tablesOf<AlarmTables>(trx);
    for (let i = 0; i < keys.length; i += 500) {
      let q = db.selectFrom('alarms').selectAll().where('source_key', 'in', keys.slice(i, i + 500)).orderBy('id');
      if (this.handle.dialect === 'postgres') q = q.forUpdate();
      for (const r of await q.execute()) out.set(r.source_key, r);
    }
    return out;
  }

  /** Rows by id, locked like lockByKeys; the caller has checked that it may see them. */
  async lockByIds(trx: Tx, ids: readonly number[]): Promise<AlarmRow[]> {
    if (!ids.length) return [];
    let q = tablesOf<AlarmTables>(trx).selectFrom('alarms').selectAll().where('id', 'in', [...ids]).orderBy('id');
    if (this.handle.dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  }

  /** The ids among `ids` that `ctx` may see, with their owners. */
  async visibleOwners(trx: Tx, ctx: AuthContext, ids: readonly number[]): Promise<Map<number, number>> {
    const db = unscoped(tablesOf<AlarmTables>(trx), 'restricted to what the caller may see by visibleAlarms');
    const rows = await visibleAlarms(db.selectFrom('alarms').select(['alarms.id', 'alarms.enterprise_id']).where('alarms.id', 'in', [...ids]), ctx).execute();
    return new Map(rows.map((r) => [r.id, r.enterprise_id]));
  }

  /**
   * Whether the park sees the alarm an event describes: the filter of every read (visibleAlarms)
   * over the event's owner and category and, where the alarm is stored, its rule (the park's own
   * rules). Park webhooks hear exactly what the park's alarm list shows.
   */
  async parkSees(e: { alarmId: number; enterpriseId: number; category: string }): Promise<boolean> {
    const db = unscoped(this.db, "the park's view of one alarm, through visibleAlarms");
    const stored = await db.selectFrom('alarms').select('rule_id').where('id', '=', e.alarmId).executeTakeFirst();
    // Typed casts: PostgreSQL compares these with integer and text columns.
    const row = sql<{ enterprise_id: number; category: string; rule_id: number | null }>`(SELECT CAST(${e.enterpriseId} AS integer) AS enterprise_id, CAST(${e.category} AS text) AS category, CAST(${stored?.rule_id ?? null} AS integer) AS rule_id)`;
    const q = visibleAlarms(db.selectFrom(row.as('alarms')).select(sql.lit(1).as('one')), systemContext('alarm-webhooks'));
    return (await q.executeTakeFirst()) !== undefined;
  }

  /** A new alarm row, normal and never raised, to apply its first event to. */
  async insert(
    trx: Tx,
    init: { enterpriseId: number; source: string; sourceKey: string; ruleId: number | null; tagId: number | null; deviceId: number | null; unitId: number | null; category: string; severity: Severity; message: string; lifecycle: Alarm },
    now: number,
  ): Promise<AlarmRow> {
    return tablesOf<AlarmTables>(trx)
      .insertInto('alarms')
      .values({
        enterprise_id: init.enterpriseId,
        source: init.source,
        source_key: init.sourceKey,
        rule_id: init.ruleId,
        tag_id: init.tagId,
        device_id: init.deviceId,
        unit_id: init.unitId,
        category: init.category,
        message: init.message,
        detail: null,
        value: null,
        version: 0,
        updated_at: now,
        ...projection(init.lifecycle, init.severity),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Writes the alarm after accepted events: its columns, lifecycle and version (+1 per
   * transition), a journal row and a domain event per transition. `set` carries what the events
   * do not (the reading, the detail and message of an activation, the rule's category).
   */
  async write(
    trx: Tx,
    row: AlarmRow,
    alarm: Alarm,
    transitions: readonly AlarmTransition[],
    set: { value?: number | null; detail?: ConditionDetail | null; message?: string; category?: string; actor?: Actor },
    now: number,
  ): Promise<Written> {
    const db = tablesOf<AlarmTables>(trx);
    const proj = projection(alarm, row.severity as Severity);
    const updated = await db
      .updateTable('alarms')
      .set({
        ...proj,
        ...(set.value !== undefined ? { value: set.value } : {}),
        ...(set.detail !== undefined ? { detail: set.detail === null ? null : JSON.stringify(set.detail) } : {}),
        ...(set.message !== undefined ? { message: set.message } : {}),
        ...(set.category !== undefined ? { category: set.category } : {}),
        version: row.version + transitions.length,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const transitionIds: number[] = [];
    for (const t of transitions) {
      transitionIds.push(
        await this.journal(trx, updated, {
          at: t.at, by: t.by, byName: t.by === set.actor?.by ? set.actor.name : null, event: t.event, why: t.why, from: t.from, to: t.to, note: t.note,
          active: t.active, level: t.level, severity: t.severity === null ? null : severityOfRank(t.severity), value: updated.value,
        }),
      );
    }
    return { row: updated, transitionIds };
  }

  /** A journal row and its domain event; the row's id. */
  async journal(
    trx: Tx,
    row: AlarmRow,
    e: { at: number; by: string; byName: string | null; event: string; why: string; from: string; to: string; note: string | null; active: boolean; level: string | null; severity: string | null; value: number | null },
  ): Promise<number> {
    const { id } = await tablesOf<AlarmTables>(trx)
      .insertInto('alarm_transitions')
      .values({
        alarm_id: row.id, enterprise_id: row.enterprise_id, at: e.at, by: e.by, by_name: e.byName, event: e.event, why: e.why, from_state: e.from, to_state: e.to,
        note: e.note, active: e.active ? 1 : 0, level: e.level, severity: e.severity, value: e.value,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, 'alarms.alarm.changed', {
      enterpriseId: row.enterprise_id, alarmId: row.id, transitionId: Number(id), why: e.why, state: apiStateOf(e.to as Alarm['state']), severity: row.severity, category: row.category,
    });
    return Number(id);
  }

  // --- reads ------------------------------------------------------------------------------------

  private visibleBase(ctx: AuthContext) {
    const db = unscoped(this.db, 'every read of alarms passes visibleAlarms (tenancy and sharing) below');
    return visibleAlarms(db.selectFrom('alarms'), ctx);
  }

  private filtered(ctx: AuthContext, f: Filter) {
    let q = this.visibleBase(ctx);
    const state = f.state ?? 'all';
    if (state === 'active') q = q.where('alarms.active', '=', 1).where('alarms.state', 'in', ['unack', 'acked']);
    else if (state === 'unacknowledged') q = q.where('alarms.state', 'in', ['unack', 'rtn_unack']);
    else if (state !== 'all') q = q.where('alarms.state', '=', lifecycleStateOf(state as ApiState));
    if (f.severity) q = q.where('alarms.severity', '=', f.severity);
    if (f.category) q = q.where('alarms.category', '=', f.category);
    if (f.enterpriseId) q = q.where('alarms.enterprise_id', '=', f.enterpriseId);
    if (f.tagId) q = q.where('alarms.tag_id', '=', f.tagId);
    if (f.deviceId) q = q.where('alarms.device_id', '=', f.deviceId);
    if (f.unitId) q = q.where('alarms.unit_id', '=', f.unitId);
    if (f.ruleId) q = q.where('alarms.rule_id', '=', f.ruleId);
    if (f.source) q = q.where('alarms.source', '=', f.source);
    if (f.q) {
      const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['alarms.message']), 'like', pattern), eb(eb.fn('lower', ['alarms.level']), 'like', pattern)]));
    }
    return q;
  }

  private static readonly ITEM_COLUMNS = [
    'alarms.id', 'alarms.enterprise_id', 'alarms.source', 'alarms.source_key', 'alarms.rule_id', 'alarms.tag_id', 'alarms.device_id', 'alarms.unit_id',
    'alarms.category', 'alarms.severity', 'alarms.state', 'alarms.active', 'alarms.level', 'alarms.value', 'alarms.message', 'alarms.detail',
    'alarms.raised_at', 'alarms.cleared_at', 'alarms.acked_at', 'alarms.acked_by', 'alarms.shelved_until', 'alarms.version', 'alarms.updated_at',
  ] as const;

  /** Items of rows, named with one batched call to the registry (a page at most: names are not filtered or sorted on). */
  private async itemsOf(rows: readonly ItemRow[]): Promise<AlarmItem[]> {
    if (!rows.length) return [];
    const present = (ids: (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null).map(Number))];
    const names = await this.names({
      tagIds: present(rows.map((r) => r.tag_id)),
      deviceIds: present(rows.map((r) => r.device_id)),
      enterpriseIds: present(rows.map((r) => r.enterprise_id)),
    });
    return rows.map((r) => itemOf(r, names));
  }

  async list(ctx: AuthContext, query: AlarmListQuery): Promise<{ items: AlarmItem[]; total: number }> {
    const rows = await this.filtered(ctx, query)
      .select(AlarmStore.ITEM_COLUMNS)
      .orderBy('alarms.raised_at', 'desc')
      .orderBy('alarms.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const items = await this.itemsOf(rows);
    const total =
      items.length < query.limit && (items.length > 0 || query.offset === 0)
        ? query.offset + items.length
        : Number((await this.filtered(ctx, query).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { items, total };
  }

  async get(ctx: AuthContext, id: number): Promise<AlarmItem | undefined> {
    const row = await this.visibleBase(ctx).select(AlarmStore.ITEM_COLUMNS).where('alarms.id', '=', id).executeTakeFirst();
    return row && (await this.itemsOf([row]))[0];
  }

  /** Items by id for the platform (the live stream filters them per viewer). */
  async itemsByIds(ids: readonly number[]): Promise<AlarmItem[]> {
    if (!ids.length) return [];
    const db = unscoped(this.db, 'changed alarms for the live stream, which filters them per viewer');
    const rows = await db.selectFrom('alarms').select(AlarmStore.ITEM_COLUMNS).where('alarms.id', 'in', [...ids]).orderBy('alarms.id').execute();
    return this.itemsOf(rows);
  }

  /** The journal of an alarm the caller sees (checked by the caller), newest first. */
  async history(alarmId: number, limit: number, offset: number): Promise<{ items: TransitionItem[]; total: number }> {
    const db = unscoped(this.db, 'the journal of an alarm the service has checked the caller sees');
    const rows = await db.selectFrom('alarm_transitions').selectAll().where('alarm_id', '=', alarmId).orderBy('id', 'desc').limit(limit).offset(offset).execute();
    const { n } = await db.selectFrom('alarm_transitions').select((eb) => eb.fn.countAll().as('n')).where('alarm_id', '=', alarmId).executeTakeFirstOrThrow();
    return {
      total: Number(n),
      items: rows.map((r) => ({
        id: Number(r.id), at: Number(r.at), by: r.by, byName: r.by_name, event: r.event, why: r.why,
        fromState: apiStateOf(r.from_state as Alarm['state']), toState: apiStateOf(r.to_state as Alarm['state']),
        note: r.note, active: isTrue(r.active), level: r.level, severity: r.severity as Severity | null, value: r.value === null ? null : Number(r.value),
      })),
    };
  }

  async summary(ctx: AuthContext): Promise<AlarmSummary> {
    const rows = await this.visibleBase(ctx)
      .select((eb) => ['alarms.state', 'alarms.severity', 'alarms.active', eb.fn.countAll().as('n')])
      .groupBy(['alarms.state', 'alarms.severity', 'alarms.active'])
      .execute();
    const byState = Object.fromEntries(API_STATES.map((s) => [s, 0])) as AlarmSummary['byState'];
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as AlarmSummary['bySeverity'];
    let total = 0;
    let unacknowledged = 0;
    let active = 0;
    for (const r of rows) {
      const n = Number(r.n);
      const state = r.state as Alarm['state'];
      total += n;
      byState[apiStateOf(state)] += n;
      if (state === 'unack' || state === 'rtn_unack') unacknowledged += n;
      if (isTrue(r.active) && (state === 'unack' || state === 'acked')) active += n;
      if ((state === 'unack' || state === 'acked' || state === 'rtn_unack') && r.severity in bySeverity) bySeverity[r.severity as Severity] += n;
    }
    return { total, unacknowledged, active, byState, bySeverity };
  }
}

interface ItemRow {
  id: number; enterprise_id: number; source: string; source_key: string; rule_id: number | null; tag_id: number | null; device_id: number | null; unit_id: number | null;
  category: string; severity: string; state: string; active: boolean | number; level: string | null; value: number | null; message: string; detail: string | null;
  raised_at: number | null; cleared_at: number | null; acked_at: number | null; acked_by: string | null; shelved_until: number | null; version: number; updated_at: number;
}

const numOrNull = (v: number | null): number | null => (v === null ? null : Number(v));

function itemOf(r: ItemRow, names: SubjectNames): AlarmItem {
  const state = r.state as Alarm['state'];
  const tag = r.tag_id === null ? undefined : names.tags.get(Number(r.tag_id));
  return {
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    enterpriseCode: names.enterprises.get(Number(r.enterprise_id))?.code ?? null,
    source: r.source,
    sourceKey: r.source_key,
    ruleId: numOrNull(r.rule_id),
    tagId: numOrNull(r.tag_id),
    tagName: tag?.name ?? null,
    tagKey: tag?.key ?? null,
    deviceId: numOrNull(r.device_id),
    deviceCode: r.device_id === null ? null : (names.devices.get(Number(r.device_id))?.code ?? null),
    unitId: numOrNull(r.unit_id),
    category: r.category,
    severity: r.severity,
    state: apiStateOf(state),
    active: isTrue(r.active),
    acknowledged: r.acked_at !== null,
    level: r.level,
    value: numOrNull(r.value),
    message: r.message,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as ConditionDetail),
    raisedAt: numOrNull(r.raised_at),
    clearedAt: numOrNull(r.cleared_at),
    ackedAt: numOrNull(r.acked_at),
    ackedBy: r.acked_by,
    shelvedUntil: numOrNull(r.shelved_until),
    version: Number(r.version),
    updatedAt: Number(r.updated_at),
  };
}
