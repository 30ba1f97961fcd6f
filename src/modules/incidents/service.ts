/**
 * Park incidents: raising one (from alarms or from a phone call), its details, affected parties and
 * linked alarms, its append-only timeline, its checklist, its states and its closing report.
 *
 * An incident is the park's record. Park roles see every incident; an enterprise sees those that
 * name it among the affected (`incident_enterprises`, read through the tenant filter), and any
 * other answers 404. Of the linked alarms an enterprise sees only its own (`incident_alarms` is
 * tenant-owned by the alarm's enterprise). Whether a change may happen now is model.ts's decision;
 * this service loads the facts it needs, writes what was decided with its timeline entry, its
 * audit record and its domain event in one transaction, and wakes the outbox after the commit.
 */
import type { Selectable, Transaction } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { recordEvent, type OutboxDispatcher } from '../../adapters/db/outbox.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { nameProblem, textProblem } from '../../core/crud/text.ts';
import { conflict, notFound, Problem, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb, unscoped, type ModuleDb } from '../../core/tenancy.ts';
import type { RegistryService } from '../registry/service.ts';
import { CHECKLIST_STATUSES, decide, type Command, type IncidentFacts, type IncidentKind, type IncidentState, type Report, nextStates, REPORT_FIELDS, type ChecklistStatus } from './model.ts';
import { incidentPolicy } from './policy.ts';
import { draftReport, type ReportLang } from './report.ts';
import type {
  ChecklistAdd, ChecklistItem, ChecklistPatch, CreateIncident, EnterpriseRef, Incident, IncidentListQuery, IncidentReport, IncidentSummary, LinkedAlarm, PatchIncident,
  TimelineEntry, TimelinePost, Transition, UnitRef,
} from './schemas.ts';
import type { IncidentsTable, IncidentTables } from './tables.ts';
import { CHECKLIST_TEMPLATES, templateOf } from './templates.ts';

/** What an incident keeps of an alarm it is linked to (the alarms module's view of it, at that moment). */
export interface AlarmFacts {
  id: number;
  enterpriseId: number;
  category: string;
  severity: string;
  state: string;
  level: string | null;
  message: string;
  tagId: number | null;
  unitId: number | null;
  raisedAt: number | null;
}

/**
 * The alarms with these ids that `ctx` may see (ids it may not see, or that do not exist, are
 * left out). Supplied by the alarms module through the composition root, so that incidents do
 * not read the alarms table and the alarms module does not know about incidents.
 */
export type AlarmLookup = (ctx: AuthContext, ids: readonly number[]) => Promise<AlarmFacts[]>;

type Trx = Transaction<IncidentTables>;
type Row = Selectable<IncidentsTable>;
type Action = 'update' | 'transition' | 'post';

interface Change {
  what: string;
  entryId: number | null;
  auditAction: string;
  before?: object | null;
  after?: object | null;
}

const EMPTY_REPORT: Report = { summary: '', cause: '', actions: '', followUps: '' };
const TEMPLATE_KINDS = new Set<string>(CHECKLIST_TEMPLATES.map((t) => t.kind));

const refused = (r: { kind: 'conflict' | 'validation'; detail: string; path?: string }) =>
  r.kind === 'validation' ? validation(r.detail, r.path ? [{ path: r.path, message: r.detail }] : undefined) : conflict(r.detail);

const fieldProblems = (errors: FieldError[]) => validation(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

export class IncidentService {
  private readonly db: ModuleDb<IncidentTables>;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly registry: RegistryService,
    private readonly events?: OutboxDispatcher,
    /** The alarms module's lookup (neighbours.ts); without it, linking alarms is refused. */
    private readonly alarms: AlarmLookup | null = null,
  ) {
    this.db = moduleDb(tablesOf<IncidentTables>(handle.db));
  }

  templates() {
    return CHECKLIST_TEMPLATES.map((t) => ({ kind: t.kind, name: t.name, nameEn: t.nameEn, items: t.items.map((i) => ({ ...i })) }));
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** The incidents `ctx` sees: every one for park roles, those naming its enterprise otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the query's selection varies; only its `incidents.id` matters
  private visible<Q extends import('kysely').SelectQueryBuilder<IncidentTables, 'incidents', any>>(q: Q, ctx: AuthContext): Q {
    if (isParkRole(ctx.role)) return q;
    return q.where('incidents.id', 'in', tenantDb(this.db, ctx).selectFrom('incident_enterprises').select('incident_enterprises.incident_id')) as Q;
  }

  async list(ctx: AuthContext, q: IncidentListQuery): Promise<{ items: IncidentSummary[]; total: number; limit: number; offset: number }> {
    let base = this.visible(this.db.selectFrom('incidents'), ctx);
    if (q.state) base = base.where('state', '=', q.state);
    if (q.kind) base = base.where('kind', '=', q.kind);
    if (q.enterpriseId !== undefined) {
      const named = unscoped(this.db, 'narrows to incidents the caller already sees').selectFrom('incident_enterprises').select('incident_id').where('enterprise_id', '=', q.enterpriseId);
      base = base.where('id', 'in', named);
    }
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    ]);
    const ids = rows.map((r) => r.id);
    const [enterprises, alarmCounts, checklist] = ids.length
      ? await Promise.all([
          this.enterprisesOf(ids),
          tenantDb(this.db, ctx).selectFrom('incident_alarms').select(['incident_id', (eb) => eb.fn.countAll<number>().as('n')]).where('incident_id', 'in', ids).groupBy('incident_id').execute(),
          this.db
            .selectFrom('incident_checklist')
            .select(['incident_id', (eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'open').then(0).else(1).end()).as('done')])
            .where('incident_id', 'in', ids)
            .groupBy('incident_id')
            .execute(),
        ])
      : [new Map<number, EnterpriseRef[]>(), [], []];
    const alarmsBy = new Map(alarmCounts.map((a) => [a.incident_id, Number(a.n)]));
    const checklistBy = new Map(checklist.map((c) => [c.incident_id, { total: Number(c.total), done: Number(c.done) }]));
    return {
      items: rows.map((r) => ({
        ...summaryOf(r),
        enterprises: enterprises.get(r.id) ?? [],
        alarmCount: alarmsBy.get(r.id) ?? 0,
        checklistDone: checklistBy.get(r.id)?.done ?? 0,
        checklistTotal: checklistBy.get(r.id)?.total ?? 0,
      })),
      total: Number(n),
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(ctx: AuthContext, id: number, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const row = await this.visible(this.db.selectFrom('incidents'), ctx).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Incident ${id}`);
    return this.view(ctx, row, lang);
  }

  /** The affected enterprises of each incident, as the directory names them (everyone who sees an incident sees its list). */
  private async enterprisesOf(incidentIds: readonly number[]): Promise<Map<number, EnterpriseRef[]>> {
    const links = await unscoped(this.db, "an incident's affected enterprises are shown to everyone who sees the incident")
      .selectFrom('incident_enterprises').select(['incident_id', 'enterprise_id']).where('incident_id', 'in', incidentIds).execute();
    const directory = new Map((await this.registry.directoryOf({ ids: [...new Set(links.map((l) => l.enterprise_id))] })).map((e) => [e.id, e]));
    const out = new Map<number, EnterpriseRef[]>();
    for (const l of links) {
      const e = directory.get(l.enterprise_id);
      if (!e) continue;
      const list = out.get(l.incident_id) ?? [];
      list.push({ id: e.id, code: e.code, name: e.name, nameEn: e.nameEn });
      out.set(l.incident_id, list);
    }
    for (const list of out.values()) list.sort((a, b) => a.id - b.id);
    return out;
  }

  private async view(ctx: AuthContext, row: Row, lang: ReportLang): Promise<Incident> {
    const id = row.id;
    const [enterprises, units, alarms, timeline, checklist, park] = await Promise.all([
      this.enterprisesOf([id]),
      unscoped(this.db, "an incident's affected units are part of its record, shown to everyone who sees it").selectFrom('incident_units').selectAll().where('incident_id', '=', id).orderBy('unit_id').execute(),
      tenantDb(this.db, ctx).selectFrom('incident_alarms').selectAll().where('incident_id', '=', id).orderBy('alarm_id').execute(),
      this.db.selectFrom('incident_timeline').selectAll().where('incident_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('incident_checklist').selectAll().where('incident_id', '=', id).orderBy('position').orderBy('id').execute(),
      this.registry.getPark(),
    ]);
    const items = checklist.map(itemOf);
    const base = {
      ...summaryOf(row),
      enterprises: enterprises.get(id) ?? [],
      alarmCount: alarms.length,
      checklistDone: items.filter((i) => i.status !== 'open').length,
      checklistTotal: items.length,
      description: row.description,
      lat: row.lat,
      lng: row.lng,
      template: row.template as IncidentKind,
      units: units.map((u): UnitRef => ({ id: u.unit_id, enterpriseId: u.enterprise_id, code: u.code, name: u.name, nameEn: u.name_en })),
      alarms: alarms.map(linkedAlarmOf),
      timeline: timeline.map(entryOf),
      checklist: items,
      nextStates: nextStates(row.state as IncidentState),
    };
    const stored = parseReport(row.report);
    const report: IncidentReport = stored
      ? { ...stored, status: row.report_frozen_at !== null ? 'frozen' : 'edited', frozenAt: row.report_frozen_at, frozenBy: row.report_frozen_by }
      : { ...draftReport(base, lang, park.timezone), status: 'draft', frozenAt: null, frozenBy: null };
    return { ...base, report };
  }

  /** The park's time zone, for reports. */
  async timeZone(): Promise<string> {
    return (await this.registry.getPark()).timezone;
  }

  // ---- writes ---------------------------------------------------------------------------------

  async raise(ctx: AuthContext, input: CreateIncident, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    incidentPolicy.assert(ctx, 'raise');
    const errors: FieldError[] = [];
    const title = checkName(input.title, '/body/title', errors);
    const description = checkText(input.description ?? '', '/body/description', errors);
    if (!TEMPLATE_KINDS.has(input.kind)) errors.push({ path: '/body/kind', message: 'has no checklist template' });
    checkLocation(input.lat, input.lng, errors);
    const units = await this.resolveUnits(ctx, input.unitIds ?? [], '/body/unitIds', errors);
    const alarms = await this.resolveAlarms(ctx, input.alarmIds ?? [], '/body/alarmIds', errors);
    const enterpriseIds = await this.resolveEnterprises([...(input.enterpriseIds ?? []), ...units.map((u) => u.enterpriseId), ...alarms.map((a) => a.enterpriseId)], input.enterpriseIds ?? [], '/body/enterpriseIds', errors);
    if (errors.length) throw fieldProblems(errors);

    const now = Date.now();
    const template = templateOf(input.kind);
    const id = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('incidents')
        .values({
          kind: input.kind, severity: input.severity, title, description, state: 'open', lat: input.lat ?? null, lng: input.lng ?? null, template: template.kind,
          opened_at: now, opened_by: ctx.username, contained_at: null, closed_at: null, updated_at: now, report: null, report_frozen_at: null, report_frozen_by: null, version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const incidentId = inserted.id;
      if (enterpriseIds.length) await trx.insertInto('incident_enterprises').values(enterpriseIds.map((e) => ({ incident_id: incidentId, enterprise_id: e }))).execute();
      if (units.length) await trx.insertInto('incident_units').values(units.map((u) => unitRow(incidentId, u))).execute();
      if (alarms.length) await trx.insertInto('incident_alarms').values(alarms.map((a) => alarmRow(incidentId, a, ctx, now))).execute();
      await trx
        .insertInto('incident_checklist')
        .values(template.items.map((item, i) => ({
          incident_id: incidentId, position: i + 1, template_key: item.key, text: item.text, text_en: item.textEn, required: item.required ? 1 : 0,
          status: 'open', note: null, status_by: null, status_at: null, added_by: ctx.username, added_at: now,
        })))
        .execute();
      const entryId = await appendEntry(trx, ctx, incidentId, now, 'raised', title, { kind: input.kind, severity: input.severity, alarmIds: alarms.map((a) => a.id) });
      await this.audit.append(trx, ctx, {
        action: 'create', entity: 'incident', entityId: incidentId, enterpriseId: null,
        after: { kind: input.kind, severity: input.severity, title, description, enterpriseIds, unitIds: units.map((u) => u.id), alarmIds: alarms.map((a) => a.id), lat: input.lat ?? null, lng: input.lng ?? null },
      }, now);
      await recordEvent(trx, 'incidents.incident.changed', { incidentId, what: 'raised', state: 'open', severity: input.severity, enterpriseIds, entryId });
      return incidentId;
    });
    this.events?.wake();
    return this.get(ctx, id, lang);
  }

  async update(ctx: AuthContext, id: number, patch: PatchIncident, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const errors: FieldError[] = [];
    const title = patch.title === undefined ? undefined : checkName(patch.title, '/body/title', errors);
    const description = patch.description === undefined ? undefined : checkText(patch.description, '/body/description', errors);
    if (patch.report) for (const f of REPORT_FIELDS) if (patch.report[f] !== undefined) patch.report[f] = checkText(patch.report[f], `/body/report/${f}`, errors);
    checkLocation(patch.lat, patch.lng, errors, true);
    if (errors.length) throw fieldProblems(errors);
    // Visibility and the policy come before any look-up that could say whether units or enterprises exist.
    await this.assertVisibleAndAllowed(ctx, id, 'update');
    const units = patch.unitIds === undefined ? undefined : await this.resolveUnits(ctx, patch.unitIds, '/body/unitIds', errors);
    if (errors.length) throw fieldProblems(errors);

    await this.write(ctx, id, 'update', patch.version, async (trx, row, facts, now) => {
      const d = decide(facts, patch.report ? { type: 'edit-report', report: patch.report } : { type: 'edit' });
      if (!d.ok) throw refused(d.refusal);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Partial<Row> = {};
      const change = <K extends keyof Row>(field: string, column: K, value: Row[K] | undefined) => {
        if (value === undefined || value === row[column]) return;
        before[field] = row[column];
        after[field] = value;
        set[column] = value;
      };
      change('title', 'title', title);
      change('description', 'description', description);
      change('severity', 'severity', patch.severity);
      change('lat', 'lat', patch.lat);
      change('lng', 'lng', patch.lng);
      if (patch.report) {
        const next = JSON.stringify(d.facts.report);
        if (next !== row.report) {
          before.report = parseReport(row.report);
          after.report = d.facts.report;
          set.report = next;
        }
      }
      if (units !== undefined) {
        const old = await trx.selectFrom('incident_units').select('unit_id').where('incident_id', '=', id).orderBy('unit_id').execute();
        const oldIds = old.map((u) => u.unit_id);
        const newIds = units.map((u) => u.id).sort((a, b) => a - b);
        if (oldIds.join() !== newIds.join()) {
          await trx.deleteFrom('incident_units').where('incident_id', '=', id).execute();
          if (units.length) await trx.insertInto('incident_units').values(units.map((u) => unitRow(id, u))).execute();
          before.unitIds = oldIds;
          after.unitIds = newIds;
        }
      }
      if (patch.enterpriseIds !== undefined || units !== undefined) {
        // Enterprises whose units or alarms the incident names stay affected whatever the list says.
        const implied = [
          ...(await trx.selectFrom('incident_units').select('enterprise_id').where('incident_id', '=', id).execute()).map((u) => u.enterprise_id),
          ...(await trx.selectFrom('incident_alarms').select('enterprise_id').where('incident_id', '=', id).execute()).map((a) => a.enterprise_id),
        ];
        const current = (await trx.selectFrom('incident_enterprises').select('enterprise_id').where('incident_id', '=', id).execute()).map((e) => e.enterprise_id);
        const wanted = await this.resolveEnterprises([...(patch.enterpriseIds ?? current), ...implied], patch.enterpriseIds ?? [], '/body/enterpriseIds', errors);
        if (errors.length) throw fieldProblems(errors);
        const sortedCurrent = [...current].sort((a, b) => a - b);
        if (sortedCurrent.join() !== wanted.join()) {
          await trx.deleteFrom('incident_enterprises').where('incident_id', '=', id).execute();
          if (wanted.length) await trx.insertInto('incident_enterprises').values(wanted.map((e) => ({ incident_id: id, enterprise_id: e }))).execute();
          before.enterpriseIds = sortedCurrent;
          after.enterpriseIds = wanted;
        }
      }
      const fields = Object.keys(after);
      if (Object.keys(set).length) await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      const onlyReport = fields.length === 1 && fields[0] === 'report';
      const entryId = fields.length ? await appendEntry(trx, ctx, id, now, onlyReport ? 'report' : 'details', fields.join(', '), { fields }) : null;
      return { what: onlyReport ? 'report' : 'details', entryId, auditAction: 'update', before, after };
    });
    return this.get(ctx, id, lang);
  }

  async post(ctx: AuthContext, id: number, body: TimelinePost, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const errors: FieldError[] = [];
    const text = checkText(body.text, '/body/text', errors);
    if (!text.trim()) errors.push({ path: '/body/text', message: 'must not be blank' });
    if (errors.length) throw fieldProblems(errors);
    await this.write(ctx, id, 'post', undefined, async (trx, _row, facts, now) => {
      const d = decide(facts, { type: 'edit' });
      if (!d.ok) throw refused(d.refusal);
      if (body.corrects !== undefined) {
        const target = await trx.selectFrom('incident_timeline').select(['kind', 'actor_id', 'actor_name', 'incident_id']).where('id', '=', body.corrects).executeTakeFirst();
        if (!target || target.incident_id !== id) throw validation(`Entry ${body.corrects} is not on this incident's timeline`, [{ path: '/body/corrects', message: 'is not an entry of this incident' }]);
        if (target.kind !== 'message' && target.kind !== 'action') throw validation('Only messages and actions are corrected; the platform writes the other entries', [{ path: '/body/corrects', message: 'is not a message or an action' }]);
        const sameAuthor = target.actor_id !== null ? target.actor_id === ctx.userId : target.actor_name === ctx.username;
        if (!sameAuthor) throw validation('Only its author corrects an entry; post a message that says what is wrong instead', [{ path: '/body/corrects', message: 'was written by someone else' }]);
      }
      const entryId = await appendEntry(trx, ctx, id, now, body.kind, text, null, body.corrects ?? null);
      return { what: body.kind, entryId, auditAction: 'post', after: { entryId, kind: body.kind, text, corrects: body.corrects ?? null } };
    });
    return this.get(ctx, id, lang);
  }

  async linkAlarms(ctx: AuthContext, id: number, alarmIds: number[], lang: ReportLang = 'zh-CN'): Promise<Incident> {
    await this.assertVisibleAndAllowed(ctx, id, 'update');
    const errors: FieldError[] = [];
    const alarms = await this.resolveAlarms(ctx, alarmIds, '/body/alarmIds', errors);
    if (errors.length) throw fieldProblems(errors);
    await this.write(ctx, id, 'update', undefined, async (trx, _row, facts, now) => {
      const d = decide(facts, { type: 'edit' });
      if (!d.ok) throw refused(d.refusal);
      const linked = new Set((await trx.selectFrom('incident_alarms').select('alarm_id').where('incident_id', '=', id).execute()).map((a) => a.alarm_id));
      const added = alarms.filter((a) => !linked.has(a.id));
      if (!added.length) return { what: 'alarms', entryId: null, auditAction: 'link_alarms', after: { alarmIds: [] } };
      await trx.insertInto('incident_alarms').values(added.map((a) => alarmRow(id, a, ctx, now))).execute();
      const affected = new Set((await trx.selectFrom('incident_enterprises').select('enterprise_id').where('incident_id', '=', id).execute()).map((e) => e.enterprise_id));
      const newEnterprises = [...new Set(added.map((a) => a.enterpriseId))].filter((e) => !affected.has(e));
      if (newEnterprises.length) await trx.insertInto('incident_enterprises').values(newEnterprises.map((e) => ({ incident_id: id, enterprise_id: e }))).execute();
      const entryId = await appendEntry(trx, ctx, id, now, 'alarms', added.map((a) => a.message).join('; '), { alarmIds: added.map((a) => a.id), enterpriseIds: newEnterprises });
      return { what: 'alarms', entryId, auditAction: 'link_alarms', after: { alarmIds: added.map((a) => a.id), enterpriseIds: newEnterprises } };
    });
    return this.get(ctx, id, lang);
  }

  async setItem(ctx: AuthContext, id: number, itemId: number, patch: ChecklistPatch, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const errors: FieldError[] = [];
    const note = patch.note === undefined || patch.note === null ? null : checkText(patch.note, '/body/note', errors).trim() || null;
    if (!CHECKLIST_STATUSES.includes(patch.status)) errors.push({ path: '/body/status', message: 'is not a checklist status' });
    if (patch.status === 'not_applicable' && !note) errors.push({ path: '/body/note', message: 'says why the item does not apply (needed for not_applicable)' });
    if (errors.length) throw fieldProblems(errors);
    await this.write(ctx, id, 'update', undefined, async (trx, _row, facts, now) => {
      const item = await trx.selectFrom('incident_checklist').selectAll().where('id', '=', itemId).where('incident_id', '=', id).executeTakeFirst();
      if (!item) throw notFound(`Checklist item ${itemId} of incident ${id}`);
      const d = decide(facts, { type: 'set-item', itemId, status: patch.status });
      if (!d.ok) throw refused(d.refusal);
      const open = patch.status === 'open';
      await trx.updateTable('incident_checklist')
        .set({ status: patch.status, note, status_by: open ? null : ctx.username, status_at: open ? null : now })
        .where('id', '=', itemId).execute();
      const entryId = await appendEntry(trx, ctx, id, now, 'checklist', item.text, { itemId, status: patch.status, note, textEn: item.text_en });
      return { what: 'checklist', entryId, auditAction: 'checklist', before: { itemId, status: item.status, note: item.note }, after: { itemId, status: patch.status, note } };
    });
    return this.get(ctx, id, lang);
  }

  async addItem(ctx: AuthContext, id: number, body: ChecklistAdd, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const errors: FieldError[] = [];
    const text = checkName(body.text, '/body/text', errors);
    const textEn = body.textEn === undefined || body.textEn === null ? null : checkName(body.textEn, '/body/textEn', errors);
    if (errors.length) throw fieldProblems(errors);
    await this.write(ctx, id, 'update', undefined, async (trx, _row, facts, now) => {
      if (facts.state === 'closed') throw refused({ kind: 'conflict', detail: 'The incident is closed; reopen it (with a reason) to change it' });
      const { max } = await trx.selectFrom('incident_checklist').select((eb) => eb.fn.max<number | null>('position').as('max')).where('incident_id', '=', id).executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto('incident_checklist')
        .values({ incident_id: id, position: (max ?? 0) + 1, template_key: null, text, text_en: textEn, required: body.required ? 1 : 0, status: 'open', note: null, status_by: null, status_at: null, added_by: ctx.username, added_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const d = decide(facts, { type: 'add-item', id: inserted.id, required: !!body.required });
      if (!d.ok) throw refused(d.refusal);
      const entryId = await appendEntry(trx, ctx, id, now, 'checklist', text, { itemId: inserted.id, added: true, required: !!body.required, textEn });
      return { what: 'checklist', entryId, auditAction: 'checklist_add', after: { itemId: inserted.id, text, textEn, required: !!body.required } };
    });
    return this.get(ctx, id, lang);
  }

  async transition(ctx: AuthContext, id: number, body: Transition, lang: ReportLang = 'zh-CN'): Promise<Incident> {
    const errors: FieldError[] = [];
    const reason = body.reason === undefined || body.reason === null ? null : checkText(body.reason, '/body/reason', errors).trim() || null;
    if (errors.length) throw fieldProblems(errors);
    await this.write(ctx, id, 'transition', undefined, async (trx, row, facts, now) => {
      if (body.to === 'closed' && row.report === null && facts.state === 'contained') {
        throw conflict('Closing needs the report: edit the generated draft, write its cause, and save it (PATCH with report) first');
      }
      const d = decide(facts, { type: 'transition', to: body.to, reason } satisfies Command);
      if (!d.ok) throw refused(d.refusal);
      const from = row.state;
      const set: Partial<Row> = { state: body.to };
      if (body.to === 'contained') set.contained_at = now;
      if (from === 'contained' && body.to === 'open') set.contained_at = null;
      if (body.to === 'closed') Object.assign(set, { closed_at: now, report_frozen_at: now, report_frozen_by: ctx.username });
      if (from === 'closed') Object.assign(set, { closed_at: null, report_frozen_at: null, report_frozen_by: null });
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      const entryId = await appendEntry(trx, ctx, id, now, 'state', reason ?? '', { from, to: body.to, reason });
      return {
        what: 'state', entryId, auditAction: 'transition',
        before: { state: from, ...(from === 'closed' ? { report: parseReport(row.report), reportFrozenAt: row.report_frozen_at } : {}) },
        after: { state: body.to, reason, ...(body.to === 'closed' ? { report: d.facts.report } : {}) },
      };
    });
    return this.get(ctx, id, lang);
  }

  // ---- the write path -------------------------------------------------------------------------

  /** 404 for an incident the caller does not see (before anything else is said), then the policy's 403. */
  private async assertVisibleAndAllowed(ctx: AuthContext, id: number, action: Action): Promise<void> {
    const seen = await this.visible(this.db.selectFrom('incidents'), ctx).select('id').where('id', '=', id).executeTakeFirst();
    if (!seen) throw notFound(`Incident ${id}`);
    // The caller sees it, so an enterprise caller is among the affected: its own enterprise is the owner the rule weighs.
    incidentPolicy.assert(ctx, action, isParkRole(ctx.role) ? null : ctx.enterpriseId);
  }

  /**
   * One audited write to incident `id`: bumps its version first (on PostgreSQL that locks the row,
   * so concurrent writes to one incident decide one after another on current facts), loads the
   * facts the rules need, runs `fn`, then the audit record and the domain event, in one transaction.
   */
  private async write(ctx: AuthContext, id: number, action: Action, expectVersion: number | undefined, fn: (trx: Trx, row: Row, facts: IncidentFacts, now: number) => Promise<Change>): Promise<void> {
    await this.assertVisibleAndAllowed(ctx, id, action);
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const bumped = await trx.updateTable('incidents').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', id).returning('version').executeTakeFirst();
      if (!bumped) throw notFound(`Incident ${id}`);
      if (expectVersion !== undefined && bumped.version - 1 !== expectVersion) {
        throw conflict(`Incident ${id} changed since version ${expectVersion} (it is at ${bumped.version - 1}); reload and apply the edit again`);
      }
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const checklist = await trx.selectFrom('incident_checklist').select(['id', 'required', 'status']).where('incident_id', '=', id).execute();
      const facts: IncidentFacts = {
        state: row.state as IncidentState,
        report: parseReport(row.report) ?? EMPTY_REPORT,
        reportFrozen: row.report_frozen_at !== null,
        checklist: checklist.map((c) => ({ id: c.id, required: c.required === 1, status: c.status as ChecklistStatus })),
      };
      const change = await fn(trx, row, facts, now);
      await this.audit.append(trx, ctx, { action: change.auditAction, entity: 'incident', entityId: id, enterpriseId: isParkRole(ctx.role) ? null : ctx.enterpriseId, before: change.before ?? null, after: change.after ?? null }, now);
      const after = await trx.selectFrom('incidents').select(['state', 'severity']).where('id', '=', id).executeTakeFirstOrThrow();
      const enterpriseIds = (await trx.selectFrom('incident_enterprises').select('enterprise_id').where('incident_id', '=', id).orderBy('enterprise_id').execute()).map((e) => e.enterprise_id);
      await recordEvent(trx, 'incidents.incident.changed', { incidentId: id, what: change.what, state: after.state, severity: after.severity, enterpriseIds, entryId: change.entryId });
    });
    this.events?.wake();
  }

  // ---- what the request names -----------------------------------------------------------------

  private async resolveUnits(ctx: AuthContext, ids: readonly number[], path: string, errors: FieldError[]) {
    const out: { id: number; enterpriseId: number; code: string; name: string; nameEn: string | null }[] = [];
    for (const [i, unitId] of ids.entries()) {
      try {
        const u = await this.registry.units.get(ctx, unitId);
        out.push({ id: u.id, enterpriseId: u.enterpriseId, code: u.code, name: u.name, nameEn: u.nameEn ?? null });
      } catch (err) {
        if (!(err instanceof Problem) || err.kind !== 'not-found') throw err;
        errors.push({ path: `${path}/${i}`, message: `unit ${unitId} was not found` });
      }
    }
    return out;
  }

  private async resolveAlarms(ctx: AuthContext, ids: readonly number[], path: string, errors: FieldError[]): Promise<AlarmFacts[]> {
    if (!ids.length) return [];
    if (!this.alarms) {
      errors.push({ path, message: 'alarms cannot be linked: the alarms module is not connected on this node' });
      return [];
    }
    const found = new Map((await this.alarms(ctx, ids)).map((a) => [a.id, a]));
    ids.forEach((alarmId, i) => {
      if (!found.has(alarmId)) errors.push({ path: `${path}/${i}`, message: `alarm ${alarmId} was not found` });
    });
    return ids.flatMap((a) => found.get(a) ?? []);
  }

  /** The distinct enterprise ids, each checked to exist (those in `named` are reported by their place there). */
  private async resolveEnterprises(all: readonly number[], named: readonly number[], path: string, errors: FieldError[]): Promise<number[]> {
    const ids = [...new Set(all)].sort((a, b) => a - b);
    const known = new Set((await this.registry.directoryOf({ ids })).map((e) => e.id));
    named.forEach((e, i) => {
      if (!known.has(e)) errors.push({ path: `${path}/${i}`, message: `enterprise ${e} was not found` });
    });
    return ids.filter((e) => known.has(e));
  }
}

// ---- rows and views -----------------------------------------------------------------------------

async function appendEntry(trx: Trx, ctx: AuthContext, incidentId: number, at: number, kind: TimelineEntry['kind'], text: string, data: object | null, corrects: number | null = null): Promise<number> {
  const r = await trx
    .insertInto('incident_timeline')
    .values({ incident_id: incidentId, at, actor_id: ctx.userId, actor_name: ctx.username, actor_enterprise_id: isParkRole(ctx.role) ? null : ctx.enterpriseId, kind, text, corrects, data: data === null ? null : JSON.stringify(data) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function unitRow(incidentId: number, u: { id: number; enterpriseId: number; code: string; name: string; nameEn: string | null }) {
  return { incident_id: incidentId, unit_id: u.id, enterprise_id: u.enterpriseId, code: u.code, name: u.name, name_en: u.nameEn };
}

function alarmRow(incidentId: number, a: AlarmFacts, ctx: AuthContext, now: number) {
  const snapshot = { category: a.category, severity: a.severity, state: a.state, level: a.level, message: a.message, tagId: a.tagId, unitId: a.unitId, raisedAt: a.raisedAt };
  return { incident_id: incidentId, alarm_id: a.id, enterprise_id: a.enterpriseId, snapshot: JSON.stringify(snapshot), linked_at: now, linked_by: ctx.username };
}

function linkedAlarmOf(r: Selectable<IncidentTables['incident_alarms']>): LinkedAlarm {
  const s = JSON.parse(r.snapshot) as Omit<AlarmFacts, 'id' | 'enterpriseId'>;
  return {
    alarmId: r.alarm_id, enterpriseId: r.enterprise_id, category: s.category, severity: s.severity, state: s.state, level: s.level ?? null, message: s.message,
    tagId: s.tagId ?? null, unitId: s.unitId ?? null, raisedAt: s.raisedAt ?? null, linkedAt: r.linked_at, linkedBy: r.linked_by,
  };
}

function summaryOf(r: Row) {
  return {
    id: r.id, kind: r.kind as IncidentKind, severity: r.severity, title: r.title, state: r.state as IncidentState, openedAt: r.opened_at, openedBy: r.opened_by,
    containedAt: r.contained_at, closedAt: r.closed_at, updatedAt: r.updated_at, version: r.version,
  };
}

function entryOf(r: Selectable<IncidentTables['incident_timeline']>): TimelineEntry {
  return {
    id: r.id, at: r.at, actor: r.actor_name, actorEnterpriseId: r.actor_enterprise_id, kind: r.kind as TimelineEntry['kind'], text: r.text, corrects: r.corrects,
    data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
  };
}

function itemOf(r: Selectable<IncidentTables['incident_checklist']>): ChecklistItem {
  return {
    id: r.id, position: r.position, templateKey: r.template_key, text: r.text, textEn: r.text_en, required: r.required === 1 || (r.required as unknown) === true,
    status: r.status as ChecklistStatus, note: r.note, statusBy: r.status_by, statusAt: r.status_at, addedBy: r.added_by, addedAt: r.added_at,
  };
}

function parseReport(text: string | null): Report | null {
  if (text === null) return null;
  const r = JSON.parse(text) as Partial<Report>;
  return { summary: r.summary ?? '', cause: r.cause ?? '', actions: r.actions ?? '', followUps: r.followUps ?? '' };
}

function checkName(value: string, path: string, errors: FieldError[]): string {
  const v = value.trim();
  const problem = nameProblem(v);
  if (problem) errors.push({ path, message: problem });
  return v;
}

function checkText(value: string, path: string, errors: FieldError[]): string {
  const problem = textProblem(value);
  if (problem) errors.push({ path, message: problem });
  return value;
}

/** A location is both coordinates or neither. */
function checkLocation(lat: number | null | undefined, lng: number | null | undefined, errors: FieldError[], partialAllowed = false): void {
  if (partialAllowed && lat === undefined && lng === undefined) return;
  const has = (v: number | null | undefined) => v !== undefined && v !== null;
  if (has(lat) !== has(lng)) errors.push({ path: has(lat) ? '/body/lng' : '/body/lat', message: 'a location needs both lat and lng' });
}
