/**
 * The ledger's nodes kept in step with the registry: the park, the system boundary, a node per
 * enterprise and one per process unit, units rolling up to their enterprise and enterprises to the
 * park. What the nodes should be is decided purely (`plannedNodes`); `NodeSync` compares it with
 * the stored nodes and writes only the differences, audited, so running it again changes nothing.
 * It reads the registry through RegistryService, never its tables. Nodes of units or enterprises
 * that left the registry stay (their flows still name them); nodes people added are left alone.
 */
import type { Selectable } from 'kysely';
import { isUniqueViolation, tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { systemContext } from '../../core/roles.ts';
import { unscoped } from '../../core/tenancy.ts';
import type { RegistryService } from '../registry/service.ts';
import { BOUNDARY_NODES, nodeKeyOf, PARK_NODE_CODE, type BoundaryKind, type NodeKind } from './model.ts';
import type { FlowNodesTable, FlowTables } from './tables.ts';

/** A node as the registry says it should be; `key` says which stored node it is, whatever its code now. */
export interface PlannedNode {
  key: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: NodeKind;
  boundaryKind: BoundaryKind | null;
  enterpriseId: number | null;
  unitId: number | null;
  /** The key of the node it rolls up to. */
  parentKey: string | null;
}

export interface RegistryView {
  park: { name: string; nameEn: string | null };
  enterprises: readonly { id: number; code: string; name: string; nameEn: string | null }[];
  units: readonly { id: number; enterpriseId: number; code: string; name: string; nameEn: string | null }[];
  /** Codes of nodes people added, which a synced node must not take. */
  takenCodes: ReadonlySet<string>;
}

/**
 * The nodes the registry implies. Codes: the park `park`, the boundary's fixed codes, an enterprise
 * its code, a unit its code where no other unit, enterprise or node has it, else
 * `<enterprise code>.<unit code>`. Pure.
 */
export function plannedNodes(view: RegistryView): PlannedNode[] {
  const out: PlannedNode[] = [{ key: 'park', code: PARK_NODE_CODE, name: view.park.name, nameEn: view.park.nameEn, kind: 'park', boundaryKind: null, enterpriseId: null, unitId: null, parentKey: null }];
  for (const b of BOUNDARY_NODES) out.push({ key: `b:${b.code}`, code: b.code, name: b.name, nameEn: b.nameEn, kind: 'boundary', boundaryKind: b.boundaryKind, enterpriseId: null, unitId: null, parentKey: 'park' });
  const reserved = new Set([PARK_NODE_CODE, ...BOUNDARY_NODES.map((b) => b.code), ...view.takenCodes]);
  const enterpriseCode = new Map<number, string>();
  for (const e of view.enterprises) {
    // An enterprise whose code a park-level node has keeps a qualified one (the registry allows any lower-case code).
    const code = reserved.has(e.code) ? `enterprise.${e.code}` : e.code;
    enterpriseCode.set(e.id, e.code);
    out.push({ key: `e${e.id}`, code, name: e.name, nameEn: e.nameEn, kind: 'enterprise', boundaryKind: null, enterpriseId: e.id, unitId: null, parentKey: 'park' });
  }
  for (const e of out) if (e.kind === 'enterprise') reserved.add(e.code);
  const unitCodeCount = new Map<string, number>();
  for (const u of view.units) unitCodeCount.set(u.code, (unitCodeCount.get(u.code) ?? 0) + 1);
  for (const u of view.units) {
    const ent = enterpriseCode.get(u.enterpriseId);
    if (ent === undefined) continue;
    const plain = unitCodeCount.get(u.code) === 1 && !reserved.has(u.code);
    out.push({ key: `u${u.id}`, code: plain ? u.code : `${ent}.${u.code}`, name: u.name, nameEn: u.nameEn, kind: 'unit', boundaryKind: null, enterpriseId: u.enterpriseId, unitId: u.id, parentKey: `e${u.enterpriseId}` });
  }
  return out;
}

type NodeRow = Selectable<FlowNodesTable>;

export class NodeSync {
  /** One sync at a time in this process: a write naming an unknown code and the start-up may ask together. */
  private running: Promise<void> | null = null;

  constructor(
    private readonly handle: DbHandle,
    private readonly registry: RegistryService,
    private readonly audit: AuditStore,
  ) {}

  private get db() {
    return unscoped(tablesOf<FlowTables>(this.handle.db), 'the node sync is the platform keeping the ledger in step with the registry');
  }

  sync(): Promise<void> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    try {
      await this.apply();
    } catch (err) {
      // Another node synced the same nodes meanwhile (server shape): its result is this one's.
      if (!isUniqueViolation(err)) throw err;
      await this.apply();
    }
  }

  private async apply(): Promise<void> {
    const [park, enterprises, units, stored] = await Promise.all([
      this.registry.getPark().catch(() => ({ name: '园区', nameEn: 'Park' as string | null })),
      this.registry.directory(),
      this.registry.unitDirectory(),
      this.db.selectFrom('flow_nodes').selectAll().execute(),
    ]);
    const byKey = new Map<string, NodeRow>();
    const takenCodes = new Set<string>();
    for (const row of stored) {
      const key = nodeKeyOf({ kind: row.kind, code: row.code, enterpriseId: row.enterprise_id, unitId: row.unit_id });
      if (key !== null && !byKey.has(key)) byKey.set(key, row);
      else takenCodes.add(row.code);
    }
    const plan = plannedNodes({ park: { name: park.name, nameEn: park.nameEn ?? null }, enterprises, units, takenCodes });
    const ctx = systemContext('node-sync');
    // Audited on the park's chain: the sync is the platform's doing, and one chain per transaction keeps chain locks in one order.
    await this.handle.db.transaction().execute(async (raw) => {
      const trx = tablesOf<FlowTables>(raw);
      const now = Date.now();
      const idOf = new Map<string, number>([...byKey].map(([k, r]) => [k, r.id]));
      // Parents before children: the plan lists the park, the boundary, enterprises, then units.
      const changed: { row: NodeRow; planned: PlannedNode }[] = [];
      for (const p of plan) {
        const row = byKey.get(p.key);
        const parentId = p.parentKey === null ? null : (idOf.get(p.parentKey) ?? null);
        if (!row) {
          const created = await trx
            .insertInto('flow_nodes')
            .values({ enterprise_id: p.enterpriseId, code: p.code, name: p.name, name_en: p.nameEn, kind: p.kind, boundary_kind: p.boundaryKind, unit_id: p.unitId, parent_id: parentId, created_at: now, updated_at: now })
            .returningAll()
            .executeTakeFirstOrThrow();
          idOf.set(p.key, created.id);
          await this.audit.append(raw, ctx, { action: 'create', entity: 'flow_node', entityId: created.id, enterpriseId: null, after: created }, now);
        } else if (row.code !== p.code || row.name !== p.name || row.name_en !== p.nameEn || row.parent_id !== parentId || row.boundary_kind !== p.boundaryKind) {
          changed.push({ row, planned: { ...p, parentKey: parentId === null ? null : String(parentId) } });
        }
      }
      // Codes may swap between nodes (two units renamed into each other's codes): free them first.
      for (const { row, planned } of changed) if (row.code !== planned.code) await trx.updateTable('flow_nodes').set({ code: `~sync~${row.id}` }).where('id', '=', row.id).execute();
      for (const { row, planned } of changed) {
        const after = { code: planned.code, name: planned.name, name_en: planned.nameEn, boundary_kind: planned.boundaryKind, parent_id: planned.parentKey === null ? null : Number(planned.parentKey) };
        await trx.updateTable('flow_nodes').set({ ...after, updated_at: now }).where('id', '=', row.id).execute();
        await this.audit.append(raw, ctx, { action: 'update', entity: 'flow_node', entityId: row.id, enterpriseId: null, before: { code: row.code, name: row.name, name_en: row.name_en, boundary_kind: row.boundary_kind, parent_id: row.parent_id }, after }, now);
      }
    });
  }
}
