/**
 * `GET /api/v1/kpis/olca?period=YYYY-MM|YYYY&enterprise=CODE`: an enterprise's inventory of the
 * period as an openLCA JSON-LD zip (olca.ts, docs/olca-export.md). The park exports any
 * enterprise; an enterprise only its own (another's code answers 404, as its balances do). Read
 * from the flow ledger as the caller sees it (an enterprise's export leaves out other
 * enterprises' claims at its nodes, as its balances do), the catalogue, and the main products the
 * enterprise stated (kpi_inputs); no KPI computation is needed.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { MAX_LIMIT } from '../../core/crud/schemas.ts';
import { notFound } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb } from '../../core/tenancy.ts';
import { confirmedLedger } from '../flows/balance.ts';
import type { FlowLedgerService } from '../flows/ledger-service.ts';
import type { RegistryService } from '../registry/service.ts';
import { olcaExport, olcaZip, type OlcaMaterial } from './olca.ts';
import type { KpiTables } from './tables.ts';

export const OlcaQuerySchema = Type.Object(
  {
    period: Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$', description: 'A month (2026-03) or a year (2026)' }),
    enterprise: Type.String({ minLength: 1, maxLength: 64, description: "The enterprise's registry code" }),
  },
  { additionalProperties: false },
);
export type OlcaQuery = Static<typeof OlcaQuerySchema>;

export interface OlcaDeps {
  handle: DbHandle;
  flows: Pick<FlowLedgerService, 'readLedger' | 'materials'>;
  registry: Pick<RegistryService, 'directory' | 'getPark' | 'materials'>;
}

export interface OlcaFile {
  bytes: Uint8Array;
  filename: string;
  processes: number;
  flows: number;
  exchanges: number;
  /** Ledger flows the export could not express (unknown material or unit). */
  skipped: number;
}

/** The zip of one enterprise's period, as the caller may see it. */
export async function olcaInventory(deps: OlcaDeps, ctx: AuthContext, q: OlcaQuery): Promise<OlcaFile> {
  const enterprise = (await deps.registry.directory()).find((e) => e.code === q.enterprise);
  // Another enterprise's inventory is not the caller's to know of: the same 404 as an unknown code.
  if (!enterprise || (!isParkRole(ctx.role) && enterprise.id !== ctx.enterpriseId)) throw notFound(`Enterprise ${q.enterprise}`);
  const [read, ledgerMaterials, extras, park, mainProducts] = await Promise.all([
    deps.flows.readLedger(ctx, { period: q.period, enterpriseId: enterprise.id }),
    deps.flows.materials(ctx),
    materialCodes(deps, ctx),
    deps.registry.getPark(),
    statedMainProducts(deps.handle, ctx, enterprise.id, q.period),
  ]);
  const ledger = isParkRole(ctx.role) ? read : confirmedLedger(read, enterprise.id).ledger;
  const materials = new Map<string, OlcaMaterial>([...ledgerMaterials].map(([code, m]) => [code, { ...m, ...extras.get(code) }]));
  const out = olcaExport({
    park: { code: park.code, name: park.name, nameEn: park.nameEn ?? null, address: park.address ?? null },
    enterprise: { id: enterprise.id, code: enterprise.code, name: enterprise.name, nameEn: enterprise.nameEn ?? null },
    period: q.period,
    nodes: ledger.nodes,
    flows: ledger.flows,
    materials,
    mainProducts,
    exportedAt: new Date().toISOString(),
  });
  return { bytes: olcaZip(out.documents), filename: `olca-${enterprise.code}-${q.period}.zip`, processes: out.processes, flows: out.flows, exchanges: out.exchanges, skipped: out.skipped.length };
}

/** The waste and substance codes of the materials the caller may use (the ledger's view has none). */
async function materialCodes(deps: OlcaDeps, ctx: AuthContext): Promise<Map<string, Pick<OlcaMaterial, 'casNo' | 'swCode' | 'hwCode' | 'ewcCode'>>> {
  const out = new Map<string, Pick<OlcaMaterial, 'casNo' | 'swCode' | 'hwCode' | 'ewcCode'>>();
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await deps.registry.materials.list(ctx, { limit: MAX_LIMIT, offset });
    // The catalogue's entry (no enterprise) wins a shared code, as in the ledger's own view of the park.
    for (const m of page.items) if (!out.has(m.code) || m.enterpriseId == null) out.set(m.code, { casNo: m.casNo ?? null, swCode: m.swCode ?? null, hwCode: m.hwCode ?? null, ewcCode: m.ewcCode ?? null });
    if (page.items.length < MAX_LIMIT || offset + page.items.length >= page.total) break;
  }
  return out;
}

/**
 * The main products the enterprise stated for the period (per unit node, or for itself under
 * null); a month without a statement takes its year's.
 */
async function statedMainProducts(handle: DbHandle, ctx: AuthContext, enterpriseId: number, period: string): Promise<Map<number | null, string>> {
  const year = period.slice(0, 4);
  const rows = await tenantDb(moduleDb(tablesOf<KpiTables>(handle.db)), ctx)
    .selectFrom('kpi_inputs')
    .select(['node_id', 'period', 'main_product'])
    .where('enterprise_id', '=', enterpriseId)
    .where('period', 'in', [...new Set([period, year])])
    .where('main_product', 'is not', null)
    .execute();
  const out = new Map<number | null, string>();
  // The year's first, so the month's own statement overwrites it.
  for (const r of [...rows].sort((a, b) => a.period.length - b.period.length)) out.set(r.node_id, r.main_product!);
  return out;
}

export function registerOlcaRoutes(fastify: FastifyInstance, deps: OlcaDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/v1/kpis/olca', {
    schema: {
      tags: ['kpis'],
      summary: "An enterprise's inventory of a month or year (inputs, outputs, emissions per process unit) as an openLCA olca-schema JSON-LD zip (openLCA 2.x import)",
      querystring: OlcaQuerySchema,
      response: { 400: { $ref: 'problem#' }, 401: { $ref: 'problem#' }, 404: { $ref: 'problem#' } },
    },
    handler: async (req, reply) => {
      const file = await olcaInventory(deps, requireAuth(req), req.query);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('x-olca-processes', String(file.processes))
        .header('x-olca-skipped-flows', String(file.skipped))
        .send(Buffer.from(file.bytes));
    },
  });
}
