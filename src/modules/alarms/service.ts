/**
 * The alarms module's facade: rules (a generic resource with the module's own defaults and
 * checks), the alarms the runtime and other modules raise, the operators' actions on them, and the
 * reads the routes serve. Every change of an alarm goes through lifecycle.ts, is written with its
 * journal rows and domain events in one transaction (store.ts), and is announced in process after
 * the commit (`changes`, for the console's live stream).
 */
import { EventEmitter } from 'node:events';
import { isForeignKeyViolation, isUniqueViolation, tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import type { OutboxDispatcher } from '../../adapters/db/outbox.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { CreateOf, ItemOf, WriteAction } from '../../core/crud/spec.ts';
import type { Row } from '../../core/crud/store.ts';
import { conflict, forbidden, notFound, Problem, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, systemContext, type AuthContext } from '../../core/roles.ts';
import { unscoped } from '../../core/tenancy.ts';
import type { DeviceServiceState, RegistryService } from '../registry/service.ts';
import { applyAlarmEvent, applyAlarmEvents, initialAlarm, SYSTEM, type Alarm, type AlarmEvent, type AlarmTransition } from './lifecycle.ts';
import { alarmPolicy } from './policy.ts';
import { alarmRuleSpec } from './resources.ts';
import { severityRank, type AlarmCategory, type ConditionChange, type ConditionDetail, type ResolvedRule, type Severity } from './rule-model.ts';
import { resolveRules } from './rule-resolution.ts';
import { categoryOfTagKind, defaultsFor, sourceKeyOf, utcOffsetMs, type RuleRecord } from './rules.ts';
import {
  apiStateOf, MAX_SHELVE_MS,
  type ActionResult, type ActionsBody, type AlarmItem, type AlarmListQuery, type AlarmSummary, type TransitionItem,
} from './schemas.ts';
import { actorOf, AlarmStore, conditionMessage, SYSTEM_ACTOR, type Actor, type AlarmRow } from './store.ts';
import type { AlarmTables } from './tables.ts';
import { alarmShareSpec } from './visibility.ts';

export type AlarmRule = ItemOf<typeof alarmRuleSpec>;

/** What the alarms module asks of the registry: its tags, devices and units, through its service. */
export type AlarmRegistry = Pick<RegistryService, 'tags' | 'devices' | 'units' | 'alarmSubjects' | 'tagsWithLimits' | 'deviceServiceStates' | 'namesOf' | 'subjectsVersion' | 'tagKindsOf'>;

/** Rows per INSERT of tag-limit rules: 12 parameters a row stays far below either dialect's limit. */
const INSERT_BATCH = 200;

/** An alarm that does not come from a rule on a tag: the ledger's balance gaps, a unit's alarm flood. */
export interface RaiseInput {
  enterpriseId: number;
  /** The raising module (never 'rule'). */
  source: string;
  /** Unique across the platform and stable for the condition, e.g. `ledger:gap:12`. */
  sourceKey: string;
  category: AlarmCategory;
  severity: Severity;
  level: string;
  message: string;
  /** true raises (or updates) the alarm, false clears it. */
  active: boolean;
  /** When the condition was judged (default now). */
  at?: number;
  value?: number | null;
  detail?: ConditionDetail | null;
  tagId?: number | null;
  deviceId?: number | null;
  unitId?: number | null;
}

/** One condition to apply to one alarm (by source key), as applyConditions and raise both produce. */
interface ConditionWrite {
  key: string;
  init: { enterpriseId: number; source: string; ruleId: number | null; tagId: number | null; deviceId: number | null; unitId: number | null; category: AlarmCategory; severity: Severity };
  event: Extract<AlarmEvent, { type: 'condition' }>;
  value: number | null;
  detail: ConditionDetail | null;
  message: string | null;
}

/** How often a write that met another node's write of the same new alarm (or a deadlock) is tried. */
const WRITE_ATTEMPTS = 4;

/** The rules resource, with what the generic one cannot know: defaults from the kind, the tag and the subject's owner. */
class AlarmRuleResource extends ResourceService<typeof alarmRuleSpec> {
  constructor(
    handle: DbHandle,
    audit: AuditStore,
    hooks: ConstructorParameters<typeof ResourceService<typeof alarmRuleSpec>>[3],
    private readonly subjectOf: (ctx: AuthContext, input: CreateOf<typeof alarmRuleSpec>) => Promise<{ enterpriseId: number; tagKind: string | null } | null>,
    private readonly committed: () => void,
  ) {
    super(handle, alarmRuleSpec, audit, hooks);
  }

  override async create(ctx: AuthContext, input: CreateOf<typeof alarmRuleSpec>, extraRow: Row = {}): Promise<AlarmRule> {
    const subject = await this.subjectOf(ctx, input);
    const filled: Record<string, unknown> = { ...input };
    for (const [k, v] of Object.entries(defaultsFor(input.kind, input))) if (filled[k] === undefined) filled[k] = v;
    // A park role names no enterprise of its own: the rule belongs to its subject's.
    if (filled.enterpriseId === undefined && ctx.enterpriseId === null) {
      if (subject) filled.enterpriseId = subject.enterpriseId;
      else {
        // Say what is wrong with the subject rather than that a park role must name an enterprise.
        const named = (['tagId', 'deviceId', 'unitId'] as const).find((k) => typeof input[k] === 'number');
        if (named) throw validation(`${named} names nothing`, [{ path: `/body/${named}`, message: `no such ${named.replace(/Id$/, '')}` }]);
      }
    }
    if (filled.category === undefined) filled.category = categoryOfTagKind(subject?.tagKind);
    // A park role's rule is the park's own watch on the tag: the park sees its alarms (visibility.ts).
    const out = await super.create(ctx, filled as CreateOf<typeof alarmRuleSpec>, { ...extraRow, by_park: isParkRole(ctx.role) ? 1 : 0 });
    this.committed();
    return out;
  }

  override async update(...args: Parameters<ResourceService<typeof alarmRuleSpec>['update']>): Promise<AlarmRule> {
    const out = await super.update(...args);
    this.committed();
    return out;
  }

  override async remove(ctx: AuthContext, id: number): Promise<void> {
    await super.remove(ctx, id);
    this.committed();
  }
}

export class AlarmService {
  readonly rules: AlarmRuleResource;
  readonly shares: ResourceService<typeof alarmShareSpec>;
  readonly store: AlarmStore;
  /** 'changed' (items: AlarmItem[]) after each commit that changed alarms, for the live stream, which filters per viewer; 'rules' after a rule was written. */
  readonly changes = new EventEmitter();

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly registry: AlarmRegistry,
    private readonly outbox?: OutboxDispatcher,
  ) {
    this.store = new AlarmStore(handle, (ids) => registry.namesOf(ids));
    this.rules = new AlarmRuleResource(
      handle,
      audit,
      { afterWrite: (trx, action, before, after) => this.ruleWritten(trx, action, before, after) },
      (ctx, input) => this.ruleSubject(ctx, input),
      () => {
        this.outbox?.wake();
        this.changes.emit('rules');
      },
    );
    this.shares = new ResourceService(handle, alarmShareSpec, audit);
    // Listeners are the live streams of connected consoles: many at once is normal.
    this.changes.setMaxListeners(0);
  }

  private get db() {
    return this.store.db;
  }

  // --- rules ------------------------------------------------------------------------------------

  /**
   * The owner and tag kind of what a new rule names, as far as the caller sees it: read through the
   * registry's resources with the caller's context, so what the caller may not see is not there.
   */
  private async ruleSubject(ctx: AuthContext, input: CreateOf<typeof alarmRuleSpec>): Promise<{ enterpriseId: number; tagKind: string | null } | null> {
    const { tags, devices, units } = this.registry;
    if (typeof input.tagId === 'number') {
      const tag = await visibleOrNull(tags.get(ctx, input.tagId));
      return tag ? { enterpriseId: tag.enterpriseId, tagKind: tag.kind } : null;
    }
    let owner: number | undefined = typeof input.enterpriseId === 'number' ? input.enterpriseId : undefined;
    let deviceIds: number[] | null = null;
    const allDevices = async (filter: { unitId: number } | { kind: string; enterpriseId: number }): Promise<number[]> => {
      const ids: number[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await devices.list(ctx, { ...filter, limit: 500, offset });
        ids.push(...page.items.map((d) => d.id));
        if (page.items.length < 500) return ids;
      }
    };
    if (typeof input.deviceId === 'number') {
      const d = await visibleOrNull(devices.get(ctx, input.deviceId));
      if (!d) return null;
      owner = d.enterpriseId;
      deviceIds = [d.id];
    } else if (typeof input.unitId === 'number') {
      const u = await visibleOrNull(units.get(ctx, input.unitId));
      if (!u) return null;
      owner = u.enterpriseId;
      deviceIds = await allDevices({ unitId: input.unitId });
    } else if (typeof input.deviceKind === 'string') {
      owner ??= ctx.enterpriseId ?? undefined;
      if (owner === undefined) return null;
      deviceIds = await allDevices({ kind: input.deviceKind, enterpriseId: owner });
    }
    if (owner === undefined) return null;
    let tagKind: string | null = null;
    if (typeof input.tagKey === 'string' && deviceIds?.length) {
      const kinds = await this.registry.tagKindsOf(ctx, input.tagKey, deviceIds);
      // The tags of one key on several devices are one measurement; if they disagree, the default says nothing specific.
      if (kinds.length === 1) tagKind = kinds[0];
    }
    return { enterpriseId: owner, tagKind };
  }

  /** Inside a rule's write: what the generic resource cannot check, and its alarms when it stops judging. */
  private async ruleWritten(trx: Tx, action: WriteAction, before: AlarmRule | null, after: AlarmRule | null): Promise<void> {
    if (action === 'delete' && before?.origin === 'tag_limits') {
      throw conflict(`Alarm rule ${before.id} is made of tag ${before.tagId}'s own limits: disable it (enabled: false) or clear the tag's limits instead`);
    }
    if (after && after.overridesRuleId !== null && (action === 'create' || before?.overridesRuleId !== after.overridesRuleId)) {
      const target = await tablesOf<AlarmTables>(trx)
        .selectFrom('alarm_rules').select(['unit_id', 'device_kind']).where('id', '=', after.overridesRuleId).executeTakeFirst();
      if (!target || (target.unit_id === null && target.device_kind === null)) {
        throw validation('overridesRuleId must name a device kind or unit rule', [{ path: '/body/overridesRuleId', message: 'is not an inherited (device kind or unit) rule' }]);
      }
    }
    const stopped = (action === 'delete' && before !== null) || (action === 'update' && before?.enabled === true && after?.enabled === false);
    if (stopped) {
      // A rule that no longer judges leaves no condition standing: its alarms clear (their history stays).
      const rows = await tablesOf<AlarmTables>(trx).selectFrom('alarms').select('id').where('rule_id', '=', before!.id).execute();
      await this.applyTo(trx, rows.map((r) => r.id), () => ({ type: 'condition', at: Date.now(), active: false }), SYSTEM_ACTOR);
    }
  }

  /**
   * Inserts the threshold rule of every tag that has limits and no such rule yet: a tag's own
   * limits are alarm rules from the first start. Idempotent (and safe on several nodes at once:
   * the unique index takes the second insert); audited as one record when it added rules.
   */
  async syncTagLimitRules(ctx: AuthContext = systemContext('alarms')): Promise<{ added: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insertTagLimitRules(ctx);
      } catch (err) {
        // A tag deleted between the registry's answer and the insert: read the tags again.
        if (!isForeignKeyViolation(err) || attempt >= WRITE_ATTEMPTS) throw err;
      }
    }
  }

  private async insertTagLimitRules(ctx: AuthContext): Promise<{ added: number }> {
    const tags = await this.registry.tagsWithLimits();
    if (!tags.length) return { added: 0 };
    const now = Date.now();
    const added = await this.db.transaction().execute(async (trx) => {
      const db = unscoped(tablesOf<AlarmTables>(trx), "a tag's own limits are alarm rules, whichever enterprise owns the tag");
      const have = new Set((await db.selectFrom('alarm_rules').select('tag_id').where('origin', '=', 'tag_limits').execute()).map((r) => Number(r.tag_id)));
      const missing = tags.filter((t) => !have.has(t.id));
      const ids: number[] = [];
      for (let i = 0; i < missing.length; i += INSERT_BATCH) {
        const rows = await db
          .insertInto('alarm_rules')
          .values(missing.slice(i, i + INSERT_BATCH).map((t) => ({
            enterprise_id: t.enterpriseId, kind: 'threshold', origin: 'tag_limits', enabled: 1, severity: 'high', category: categoryOfTagKind(t.kind),
            tag_id: t.id, deadband: 0, on_delay_s: 0, off_delay_s: 0, created_at: now, updated_at: now,
          })))
          // Another node may have inserted the same rule since the read above: the unique index takes it, and it is not counted.
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => Number(r.id)));
      }
      if (ids.length) {
        await this.audit.append(trx, ctx, {
          action: 'sync_tag_limits', entity: 'alarm_rule', entityId: null, enterpriseId: null,
          after: { added: ids.length, ruleIds: ids.sort((a, b) => a - b) },
        });
      }
      return ids.length;
    });
    return { added };
  }

  /** Every enabled rule resolved to the tags (and devices) it judges, for the runtime. */
  async resolvedRules(): Promise<ResolvedRule[]> {
    const db = unscoped(this.db, "alarm evaluation acts for the platform: every enterprise's rules on its own tags");
    const [rules, subjects] = await Promise.all([db.selectFrom('alarm_rules').selectAll().orderBy('id').execute(), this.registry.alarmSubjects()]);
    return resolveRules(rules.map((r) => this.rules.store.toItem(r as Row) as RuleRecord), {
      tags: subjects.tags,
      devices: subjects.devices,
      utcOffsetMs: utcOffsetMs(subjects.timezone, Date.now()),
    });
  }

  /**
   * A cheap fingerprint of everything rules resolve from: count and latest change of the rules
   * (a delete changes a count, an insert or edit a latest change) and the registry's fingerprint of
   * tags, devices and the park's time zone. The runtime re-resolves only when it changed.
   */
  async rulesVersion(): Promise<string> {
    const db = unscoped(this.db, 'the rules fingerprint covers every enterprise');
    const [rules, subjects] = await Promise.all([
      db.selectFrom('alarm_rules').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).executeTakeFirstOrThrow(),
      this.registry.subjectsVersion(),
    ]);
    return `${Number(rules.n)}@${Number(rules.at ?? 0)}|${subjects}`;
  }

  /** The devices among `ids` out of service or in maintenance (the rest are in service), for the runtime's suppression. */
  async deviceServiceStates(ids: readonly number[]): Promise<Map<number, DeviceServiceState>> {
    return this.registry.deviceServiceStates(ids);
  }

  // --- conditions -------------------------------------------------------------------------------

  /**
   * Applies what the rules said, in one transaction: each alarm found or created by its source
   * key, the condition through the lifecycle, and what it accepted written with its journal rows
   * and events. A repeated or stale condition writes nothing, so the runtime may send a batch again.
   */
  async applyConditions(changes: readonly { rule: ResolvedRule; change: ConditionChange }[]): Promise<{ transitions: number }> {
    return this.applyWrites(
      changes.map(({ rule, change }) => ({
        key: sourceKeyOf(rule),
        init: { enterpriseId: rule.enterpriseId, source: 'rule', ruleId: rule.ruleId, tagId: rule.tagId, deviceId: rule.deviceId, unitId: rule.unitId, category: rule.category, severity: rule.severity },
        event: change.active ? { type: 'condition', at: change.at, active: true, level: change.level, severity: severityRank(rule.severity) } : { type: 'condition', at: change.at, active: false },
        value: change.value,
        detail: change.active ? change.detail : null,
        message: change.active ? conditionMessage(change.level, change.value, change.detail) : null,
      })),
    );
  }

  /** Raises, updates or (active: false) clears an alarm that does not come from a rule on a tag. */
  async raise(input: RaiseInput): Promise<{ transitions: number }> {
    if (input.source === 'rule' || input.sourceKey.startsWith('rule:')) throw new Error(`alarms of rules are written by applyConditions, not raise (${input.sourceKey})`);
    const at = input.at ?? Date.now();
    return this.applyWrites([
      {
        key: input.sourceKey,
        init: { enterpriseId: input.enterpriseId, source: input.source, ruleId: null, tagId: input.tagId ?? null, deviceId: input.deviceId ?? null, unitId: input.unitId ?? null, category: input.category, severity: input.severity },
        event: input.active ? { type: 'condition', at, active: true, level: input.level, severity: severityRank(input.severity) } : { type: 'condition', at, active: false },
        value: input.value ?? null,
        detail: input.detail ?? null,
        message: input.message,
      },
    ]);
  }

  /** Clears an alarm raised with `raise` (nothing happens when there is none or it is clear). */
  async clear(input: Pick<RaiseInput, 'enterpriseId' | 'source' | 'sourceKey' | 'category' | 'severity' | 'level' | 'message'> & { at?: number }): Promise<{ transitions: number }> {
    return this.raise({ ...input, active: false });
  }

  private async applyWrites(writes: readonly ConditionWrite[]): Promise<{ transitions: number }> {
    if (!writes.length) return { transitions: 0 };
    const now = Date.now();
    const { transitions, changed } = await this.retrying(() =>
      this.db.transaction().execute(async (trx) => {
        const rows = await this.store.lockByKeys(trx, [...new Set(writes.map((w) => w.key))]);
        const fresh = writes.filter((w) => !rows.has(w.key) && w.event.active && w.init.deviceId !== null).map((w) => w.init.deviceId!);
        // In the transaction: on SQLite a read beside it would wait for it to end.
        const outOfService = await this.registry.deviceServiceStates(fresh, trx);
        let transitions = 0;
        const changed = new Set<number>();
        for (const w of writes) {
          let row = rows.get(w.key);
          // An alarm starts at its first activation: a clear condition of an unknown alarm is nothing to record.
          if (!row && !w.event.active) continue;
          const events: AlarmEvent[] = [];
          if (!row && w.init.deviceId !== null && outOfService.has(w.init.deviceId)) {
            events.push({ type: 'suppress', at: w.event.at, by: SYSTEM, reason: `device ${outOfService.get(w.init.deviceId)}` });
          }
          events.push(w.event);
          const base = row ? (JSON.parse(row.lifecycle) as Alarm) : initialAlarm();
          const r = applyAlarmEvents(base, events);
          if (!r.transitions.length || r.refused.some((x) => x.index === events.length - 1)) continue;
          row ??= await this.store.insert(trx, { ...w.init, sourceKey: w.key, message: w.message ?? w.key, lifecycle: base }, now);
          const written = await this.store.write(trx, row, r.alarm, r.transitions, {
            value: w.value,
            ...(w.event.active ? { detail: w.detail, message: w.message ?? undefined, category: w.init.category } : {}),
          }, now);
          rows.set(w.key, written.row);
          transitions += written.transitionIds.length;
          changed.add(written.row.id);
        }
        return { transitions, changed };
      }),
    );
    await this.committed(changed);
    return { transitions };
  }

  /** Applies a system event to alarms by id (locked), writing what the lifecycle accepts. */
  private async applyTo(trx: Tx, ids: readonly number[], eventOf: (row: AlarmRow) => AlarmEvent, actor: Actor): Promise<number[]> {
    const changed: number[] = [];
    const now = Date.now();
    for (const row of await this.store.lockByIds(trx, ids)) {
      const r = applyAlarmEvent(JSON.parse(row.lifecycle) as Alarm, eventOf(row));
      if (!r.transition) continue;
      await this.store.write(trx, row, r.alarm, [r.transition], { actor }, now);
      changed.push(row.id);
    }
    return changed;
  }

  /** Lifts every shelf due at `now` (the runtime runs this as a job). */
  async expireShelves(now: number): Promise<{ expired: number }> {
    const due = await unscoped(this.db, "shelf expiry acts for the platform on every enterprise's alarms")
      .selectFrom('alarms').select('id').where('shelved_until', '<=', now).execute();
    if (!due.length) return { expired: 0 };
    const changed = await this.retrying(() => this.db.transaction().execute((trx) => this.applyTo(trx, due.map((r) => r.id), () => ({ type: 'expire', at: now }), SYSTEM_ACTOR)));
    await this.committed(new Set(changed));
    return { expired: changed.length };
  }

  /** Suppresses (maintenance, out of service) or reveals a device's alarms; the runtime calls it when its service state changes. */
  async setSuppressed(deviceId: number, suppressed: boolean, reason: string): Promise<{ changed: number }> {
    const rows = await unscoped(this.db, 'a device’s service state acts on its alarms whoever owns them')
      .selectFrom('alarms').select('id').where('device_id', '=', deviceId).execute();
    if (!rows.length) return { changed: 0 };
    const at = Date.now();
    const event = (): AlarmEvent => (suppressed ? { type: 'suppress', at, by: SYSTEM, reason } : { type: 'unsuppress', at, by: SYSTEM, reason });
    const changed = await this.retrying(() => this.db.transaction().execute((trx) => this.applyTo(trx, rows.map((r) => r.id), event, SYSTEM_ACTOR)));
    await this.committed(new Set(changed));
    return { changed: changed.length };
  }

  // --- operators' actions -----------------------------------------------------------------------

  /**
   * Acknowledges, shelves, unshelves or comments on alarms, each through the lifecycle and the
   * policy; what is refused is reported per alarm, never as a failure of the whole request.
   */
  async act(ctx: AuthContext, body: ActionsBody): Promise<{ results: ActionResult[] }> {
    const now = Date.now();
    const shelfUntil = body.action === 'shelve' ? this.shelfUntil(body, now) : 0;
    if (body.action === 'comment' && !body.comment?.trim()) throw validation('a comment needs its text', [{ path: '/body/comment', message: 'is required for comment' }]);
    if (body.action === 'shelve' && !body.reason?.trim()) throw validation('shelving needs a reason', [{ path: '/body/reason', message: 'is required for shelve' }]);
    const actor = actorOf(ctx);
    const { results, changed } = await this.retrying(() =>
      this.db.transaction().execute(async (trx) => {
        const results = new Map<number, ActionResult>();
        const owners = await this.store.visibleOwners(trx, ctx, body.ids);
        const mine: number[] = [];
        for (const id of body.ids) {
          const owner = owners.get(id);
          if (owner === undefined) results.set(id, { id, ok: false, problem: notFound(`Alarm ${id}`).toBody() });
          else if (!alarmPolicy.can(ctx, body.action, owner)) results.set(id, { id, ok: false, problem: policyProblem(ctx, body.action, owner).toBody() });
          else mine.push(id);
        }
        // Audit chains are locked per enterprise: taken in one order, two bulk actions never wait on each other in a circle.
        const rows = (await this.store.lockByIds(trx, mine)).sort((a, b) => a.enterprise_id - b.enterprise_id || a.id - b.id);
        const changed = new Set<number>();
        for (const row of rows) {
          const before = JSON.parse(row.lifecycle) as Alarm;
          if (body.action === 'comment') {
            const state = before.state;
            await this.store.journal(trx, row, {
              at: now, by: actor.by, byName: actor.name, event: 'comment', why: 'commented', from: state, to: state, note: body.comment!.trim(),
              active: before.condition.active, level: before.condition.level, severity: row.severity, value: row.value,
            });
            await this.audit.append(trx, ctx, { action: 'comment', entity: 'alarm', entityId: row.id, enterpriseId: row.enterprise_id, after: { comment: body.comment!.trim() } });
            results.set(row.id, { id: row.id, ok: true, state: apiStateOf(state) });
            changed.add(row.id);
            continue;
          }
          const event: AlarmEvent =
            body.action === 'acknowledge' ? { type: 'acknowledge', at: now, by: actor.by, comment: body.comment?.trim() }
            : body.action === 'shelve' ? { type: 'shelve', at: now, by: actor.by, until: shelfUntil, reason: body.reason!.trim() }
            : { type: 'unshelve', at: now, by: actor.by, reason: body.reason?.trim() };
          const r = applyAlarmEvent(before, event);
          if (r.reason === 'already_acknowledged') {
            // Acknowledging what is acknowledged asks for what already holds: done, nothing to record.
            results.set(row.id, { id: row.id, ok: true, state: apiStateOf(before.state) });
            continue;
          }
          if (r.reason || !r.transition) {
            const reason = r.reason ?? 'unchanged';
            results.set(row.id, { id: row.id, ok: false, state: apiStateOf(before.state), reason, problem: conflict(`Alarm ${row.id} cannot be ${pastOf(body.action)} now: ${reason.replace(/_/g, ' ')}`).toBody() });
            continue;
          }
          await this.store.write(trx, row, r.alarm, [r.transition], { actor }, now);
          await this.audit.append(trx, ctx, {
            action: body.action, entity: 'alarm', entityId: row.id, enterpriseId: row.enterprise_id,
            before: { state: apiStateOf(before.state) }, after: { state: apiStateOf(r.alarm.state), note: r.transition.note, ...(body.action === 'shelve' ? { until: shelfUntil } : {}) },
          });
          results.set(row.id, { id: row.id, ok: true, state: apiStateOf(r.alarm.state) });
          changed.add(row.id);
        }
        return { results: body.ids.map((id) => results.get(id)!), changed };
      }),
    );
    await this.committed(changed);
    return { results };
  }

  private shelfUntil(body: ActionsBody, now: number): number {
    const errors: FieldError[] = [];
    if ((body.until === undefined) === (body.durationMinutes === undefined)) errors.push({ path: '/body/until', message: 'shelving needs exactly one of until and durationMinutes' });
    const until = body.until ?? now + (body.durationMinutes ?? 0) * 60_000;
    if (!errors.length && until <= now) errors.push({ path: '/body/until', message: 'is not in the future' });
    if (!errors.length && until > now + MAX_SHELVE_MS) errors.push({ path: '/body/until', message: 'is more than 7 days ahead' });
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')} ${e.message}`).join('; '), errors);
    return until;
  }

  // --- reads ------------------------------------------------------------------------------------

  async list(ctx: AuthContext, query: AlarmListQuery): Promise<{ items: AlarmItem[]; total: number; limit: number; offset: number }> {
    return { ...(await this.store.list(ctx, query)), limit: query.limit, offset: query.offset };
  }

  async get(ctx: AuthContext, id: number): Promise<AlarmItem> {
    const item = await this.store.get(ctx, id);
    if (!item) throw notFound(`Alarm ${id}`);
    return item;
  }

  /** Whether the park sees the alarm an alarm event describes (park webhooks hear what the park's list shows). */
  parkSees(e: { alarmId: number; enterpriseId: number; category: string }): Promise<boolean> {
    return this.store.parkSees(e);
  }

  async history(ctx: AuthContext, id: number, page: { limit: number; offset: number }): Promise<{ items: TransitionItem[]; total: number; limit: number; offset: number }> {
    await this.get(ctx, id);
    return { ...(await this.store.history(id, page.limit, page.offset)), ...page };
  }

  async summary(ctx: AuthContext): Promise<AlarmSummary> {
    return this.store.summary(ctx);
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** After a commit: the outbox publishes the recorded events, listeners hear of the changed alarms. */
  private async committed(changed: ReadonlySet<number>): Promise<void> {
    if (!changed.size) return;
    this.outbox?.wake();
    if (this.changes.listenerCount('changed') === 0) return;
    let items: AlarmItem[];
    try {
      items = await this.store.itemsByIds([...changed]);
    } catch {
      // The write has committed; a live stream that misses it catches up on the console's next read.
      return;
    }
    this.changes.emit('changed', items);
  }

  /** Runs a write again when another node created the same alarm meanwhile, or PostgreSQL chose it as a deadlock's victim. */
  private async retrying<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        const retry = isUniqueViolation(err) || (err as { code?: string }).code === '40P01';
        if (!retry || attempt >= WRITE_ATTEMPTS || err instanceof Problem) throw err;
      }
    }
  }
}

/** What a read through the registry's resources answers, or null where the caller may not see it (their 404). */
async function visibleOrNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof Problem && err.status === 404) return null;
    throw err;
  }
}

function policyProblem(ctx: AuthContext, action: ActionsBody['action'], owner: number): Problem {
  try {
    alarmPolicy.assert(ctx, action, owner);
  } catch (err) {
    if (err instanceof Problem) return err;
  }
  return forbidden(`The role ${ctx.role} may not ${action} alarms`);
}

function pastOf(action: string): string {
  return action === 'acknowledge' ? 'acknowledged' : action === 'shelve' ? 'shelved' : action === 'unshelve' ? 'unshelved' : 'commented on';
}

export type { AlarmTransition };
