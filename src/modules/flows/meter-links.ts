/**
 * Flow-meter links (`/api/v1/flow-meter-links`): a tag whose total over a period is one flow of the
 * ledger — from, to, material, how it totals (integral of a rate, or a counter's difference), the
 * unit of the total and the meter's accuracy. A link belongs to its tag's enterprise; a tag the
 * caller may not see (another enterprise's) is an "unknown tag", so its existence is not disclosed.
 *
 * A link's ends may be the park's nodes (boundary, park), any enterprise's enterprise node (a meter
 * on a delivery to a neighbour) and its own enterprise's unit nodes.
 */
import type { Selectable } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { conflict, notFound, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb, unscoped, type ModuleDb } from '../../core/tenancy.ts';
import { convert, unitOf } from '../../core/units.ts';
import type { RegistryService } from '../registry/service.ts';
import { flowPolicy } from './policy.ts';
import type { FlowLedgerPort } from './sources-ports.ts';
import type { FlowMeterLinksTable, FlowTables } from './tables.ts';
import { meterUnitProblem, type MeterMethod } from './telemetry-totals.ts';

export interface MeterLinkInput {
  tagId: number;
  from: string;
  to: string;
  material: string;
  method: MeterMethod;
  unit: string;
  accuracyPercent: number;
}

/** A link as stored: what was asked for, with its id, owner and times. */
export interface MeterLink extends MeterLinkInput {
  id: number;
  enterpriseId: number;
  createdAt: number;
  updatedAt: number;
}

/** The registry's tags as links need them: seen through the caller's tenancy. */
export type MeterTags = Pick<RegistryService['tags'], 'get'>;

export class MeterLinkService {
  private readonly db: ModuleDb<FlowTables>;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly tags: MeterTags,
    private readonly ledger: Pick<FlowLedgerPort, 'materials'>,
  ) {
    this.db = moduleDb(tablesOf<FlowTables>(handle.db));
  }

  /** The links the caller may see: its enterprise's; every link for park roles (the park's metering plan). */
  async list(ctx: AuthContext): Promise<MeterLink[]> {
    const rows = await tenantDb(this.db, ctx).selectFrom('flow_meter_links').selectAll().orderBy('id').execute();
    return this.items(rows);
  }

  async get(ctx: AuthContext, id: number): Promise<MeterLink> {
    const row = await tenantDb(this.db, ctx).selectFrom('flow_meter_links').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Flow meter link ${id}`);
    return (await this.items([row]))[0];
  }

  async create(ctx: AuthContext, input: MeterLinkInput): Promise<MeterLink> {
    const resolved = await this.resolve(ctx, input);
    flowPolicy.assert(ctx, 'create', resolved.enterprise_id);
    await this.assertTagFree(input.tagId);
    const now = Date.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await tablesOf<FlowTables>(trx)
        .insertInto('flow_meter_links')
        .values({ ...resolved, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.append(trx, ctx, { action: 'create', entity: 'flow_meter_link', entityId: row.id, enterpriseId: resolved.enterprise_id, before: null, after: input });
      return row.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthContext, id: number, patch: Partial<MeterLinkInput>): Promise<MeterLink> {
    const before = await this.get(ctx, id);
    flowPolicy.assert(ctx, 'update', before.enterpriseId);
    const merged: MeterLinkInput = { tagId: before.tagId, from: before.from, to: before.to, material: before.material, method: before.method, unit: before.unit, accuracyPercent: before.accuracyPercent, ...patch };
    const resolved = await this.resolve(ctx, merged);
    if (merged.tagId !== before.tagId) await this.assertTagFree(merged.tagId);
    await this.db.transaction().execute(async (trx) => {
      await tablesOf<FlowTables>(trx).updateTable('flow_meter_links').set({ ...resolved, updated_at: Date.now() }).where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'flow_meter_link', entityId: id, enterpriseId: resolved.enterprise_id, before, after: merged });
    });
    return this.get(ctx, id);
  }

  async delete(ctx: AuthContext, id: number): Promise<void> {
    const before = await this.get(ctx, id);
    flowPolicy.assert(ctx, 'delete', before.enterpriseId);
    await this.db.transaction().execute(async (trx) => {
      await tablesOf<FlowTables>(trx).deleteFrom('flow_meter_links').where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'flow_meter_link', entityId: id, enterpriseId: before.enterpriseId, before, after: null });
    });
  }

  /** The tag's enterprise, node ids and checks of a link; every problem as a field error. */
  private async resolve(ctx: AuthContext, input: MeterLinkInput): Promise<Omit<FlowMeterLinksTable, 'id' | 'created_at' | 'updated_at'>> {
    const errors: FieldError[] = [];
    const tag = await this.tags.get(ctx, input.tagId).catch(() => null);
    // Another enterprise's tag answers exactly as a tag that does not exist.
    if (!tag || (!isParkRole(ctx.role) && tag.enterpriseId !== ctx.enterpriseId)) throw validation('The link names an unknown tag', [at('/body/tagId', `unknown tag ${input.tagId}`)]);
    const enterpriseId = Number(tag.enterpriseId);
    if (!unitOf(input.unit)) errors.push(at('/body/unit', `unknown unit ${input.unit}`));
    else if (tag.unit) {
      const problem = meterUnitProblem(input.method, String(tag.unit), input.unit);
      if (problem) errors.push(at('/body/unit', problem));
    } else errors.push(at('/body/tagId', `tag ${input.tagId} has no unit: give the tag its unit of measure first`));
    const material = (await this.ledger.materials(ctx)).get(input.material);
    if (!material) errors.push(at('/body/material', `unknown material ${input.material}`));
    else if (unitOf(input.unit) && !convertible(input.unit, material.unit)) errors.push(at('/body/unit', `${input.unit} does not convert to ${material.code}'s unit ${material.unit}`));
    const nodes = await this.nodesUsableBy(enterpriseId, [input.from, input.to]);
    const from = nodes.get(input.from);
    const to = nodes.get(input.to);
    if (from === undefined) errors.push(at('/body/from', `unknown node ${input.from}`));
    if (to === undefined) errors.push(at('/body/to', `unknown node ${input.to}`));
    if (from !== undefined && from === to) errors.push(at('/body/to', 'a flow goes between two different nodes'));
    if (errors.length || from === undefined || to === undefined) throw validation('The flow meter link is not valid', errors);
    return { enterprise_id: enterpriseId, tag_id: input.tagId, from_node_id: from, to_node_id: to, material_code: input.material, method: input.method, unit: input.unit, accuracy_percent: input.accuracyPercent };
  }

  private async assertTagFree(tagId: number): Promise<void> {
    const taken = await unscoped(this.db, 'one link per tag across the park (unique index); says only that the tag is linked')
      .selectFrom('flow_meter_links').select('id').where('tag_id', '=', tagId).executeTakeFirst();
    if (taken) throw conflict(`tag ${tagId} is already linked to a flow (link ${taken.id}); change that link instead`);
  }

  /** Node ids by code among the nodes a link of `enterpriseId` may name (see the module comment). */
  private async nodesUsableBy(enterpriseId: number, codes: string[]): Promise<Map<string, number>> {
    const rows = await unscoped(this.db, "park nodes and enterprise nodes are every tenant's to name; unit nodes only their enterprise's (filtered here)")
      .selectFrom('flow_nodes')
      .select(['id', 'code', 'enterprise_id', 'kind'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.filter((n) => n.enterprise_id === null || n.kind === 'enterprise' || n.enterprise_id === enterpriseId).map((n) => [n.code, n.id]));
  }

  private async items(rows: Selectable<FlowMeterLinksTable>[]): Promise<MeterLink[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.from_node_id, r.to_node_id]))];
    const codes = new Map<number, string>();
    if (ids.length) {
      const nodes = await unscoped(this.db, 'the codes of the nodes links the caller sees name').selectFrom('flow_nodes').select(['id', 'code']).where('id', 'in', ids).execute();
      for (const n of nodes) codes.set(n.id, n.code);
    }
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      tagId: r.tag_id,
      from: codes.get(r.from_node_id) ?? String(r.from_node_id),
      to: codes.get(r.to_node_id) ?? String(r.to_node_id),
      material: r.material_code,
      method: r.method as MeterMethod,
      unit: r.unit,
      accuracyPercent: r.accuracy_percent,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}

const at = (path: string, message: string): FieldError => ({ path, message });

function convertible(from: string, to: string): boolean {
  try {
    convert(1, from, to);
    return true;
  } catch {
    return false;
  }
}
