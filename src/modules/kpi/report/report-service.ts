/**
 * The KPI report: made on demand as PDF, CSV or XLSX from what the services answer the caller (the
 * KPIs, the Sankey and balances, the ledger, the catalogue), and stored as PDF with who made it —
 * by a person (POST /kpi-reports) or a schedule (report-schedules.ts), so last month's report reads
 * as it was sent. A stored report belongs to the tenant that made it: the park's to the park, an
 * enterprise's to that enterprise; another tenant's report is a 404.
 */
import type { DbHandle, Tx } from '../../../adapters/db/index.ts';
import { tablesOf } from '../../../adapters/db/index.ts';
import type { AuditStore } from '../../../core/audit/store.ts';
import { MAX_LIMIT } from '../../../core/crud/schemas.ts';
import type { Page } from '../../../core/crud/spec.ts';
import { fieldError, notFound } from '../../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../../core/roles.ts';
import { moduleDb, tenantDb } from '../../../core/tenancy.ts';
import { FlowBalanceService, type LedgerReader } from '../../flows/balance-service.ts';
import type { RegistryService } from '../../registry/service.ts';
import type { KpiScope } from '../model.ts';
import type { KpiTables } from '../tables.ts';
import { assembleReport, reportPeriodKind, type ReportContent, type ReportKpiAnswer, type ReportMaterial, type Subject } from './report-data.ts';
import type { ReportLanguage } from './report-labels.ts';
import { renderReportPdf, reportXlsx } from './renderers.ts';
import { kpiReportPolicy } from './report-policy.ts';
import { reportCsv } from './report-sheets.ts';

/** What the report needs of the KPI service (KpiService). */
export interface ReportKpiReader {
  kpis(ctx: AuthContext, q: { period: string; scope: KpiScope; code?: string }): Promise<ReportKpiAnswer>;
  settings(ctx: AuthContext): Promise<{ settings: { avoidedFactors: Record<string, number> } }>;
}

export interface ReportDeps {
  handle: DbHandle;
  audit: AuditStore;
  kpis: ReportKpiReader;
  flows: LedgerReader;
  registry: Pick<RegistryService, 'getPark' | 'directory' | 'materials'>;
}

export interface ReportRequest {
  period: string;
  scope: KpiScope;
  code?: string | null;
  language: ReportLanguage;
}

export type ReportFormat = 'pdf' | 'csv' | 'xlsx';

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  pages?: number;
}

/** A stored report as the API lists it (the PDF itself is read apart). */
export interface StoredReport {
  id: number;
  period: string;
  scope: KpiScope;
  code: string | null;
  language: ReportLanguage;
  pages: number;
  bytes: number;
  createdAt: number;
  createdBy: string;
  scheduleId: number | null;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An ASCII file name (codes are ASCII by their pattern): kpi-report-park-2026-03-en.pdf. */
export const reportFileName = (r: { period: string; scope: KpiScope; code?: string | null; language: string }, format: ReportFormat) =>
  `kpi-report-${r.scope === 'park' ? 'park' : `${r.scope}-${r.code}`}-${r.period}-${r.language}.${format}`;

type ReportRow = { id: number; scope: string; scope_code: string | null; period: string; language: string; schedule_id: number | null; pages: number; bytes: number; created_by: string; created_at: number };

const storedOf = (r: ReportRow): StoredReport => ({
  id: Number(r.id),
  period: r.period,
  scope: r.scope as KpiScope,
  code: r.scope_code,
  language: r.language as ReportLanguage,
  pages: Number(r.pages),
  bytes: Number(r.bytes),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  scheduleId: r.schedule_id === null ? null : Number(r.schedule_id),
});

const META = ['id', 'scope', 'scope_code', 'period', 'language', 'schedule_id', 'pages', 'bytes', 'created_by', 'created_at'] as const;

export class KpiReportService {
  private readonly balances: FlowBalanceService;

  constructor(private readonly deps: ReportDeps) {
    this.balances = new FlowBalanceService(deps.flows);
  }

  private get db() {
    return moduleDb(tablesOf<KpiTables>(this.deps.handle.db));
  }

  /** The report's content as the caller may see it; 400 for a period that is not a month or a year. */
  async content(ctx: AuthContext, req: ReportRequest, now: number = Date.now()): Promise<ReportContent> {
    if (!reportPeriodKind(req.period)) throw fieldError('/querystring/period', `${req.period} is not a month (2026-03) or a year (2026): reports are monthly or annual`);
    // The KPI service decides who may see the scope (403/404) before anything else is read.
    const answer = await this.deps.kpis.kpis(ctx, { period: req.period, scope: req.scope, ...(req.code ? { code: req.code } : {}) });
    const [park, directory, ledger, materials, settings] = await Promise.all([
      this.deps.registry.getPark(),
      this.deps.registry.directory(),
      this.deps.flows.readLedger(ctx, { period: req.period }),
      this.materials(ctx),
      this.deps.kpis.settings(ctx),
    ]);
    let subject: Subject = { scope: 'park' };
    let enterpriseId: number | undefined;
    if (req.scope === 'enterprise') {
      enterpriseId = directory.find((e) => e.code === req.code)?.id;
      if (enterpriseId === undefined) throw notFound(`Enterprise ${req.code}`);
      subject = { scope: 'enterprise', enterpriseId };
    } else if (req.scope === 'unit') {
      const node = ledger.nodes.find((n) => n.code === req.code && n.kind !== 'boundary');
      if (!node) throw notFound(`Unit ${req.code}`);
      subject = { scope: 'unit', nodeId: node.id };
      enterpriseId = node.enterpriseId ?? undefined;
    }
    const scoped = enterpriseId !== undefined ? { enterpriseId } : {};
    const [balances, sankey] = await Promise.all([
      this.balances.balances(ctx, { period: req.period, level: 'unit', ...scoped }),
      this.balances.sankey(ctx, { period: req.period, level: enterpriseId !== undefined ? 'enterprise' : 'park', ...scoped }),
    ]);
    return assembleReport({
      language: req.language,
      generatedAt: now,
      timeZone: park.timezone,
      park: { name: park.name, nameEn: park.nameEn ?? null },
      answer,
      subject,
      sankey,
      balances,
      ledger,
      materials,
      enterprises: new Map(directory.map((e) => [e.id, { code: e.code, name: e.name, nameEn: e.nameEn ?? null }])),
      avoidedFactors: settings.settings.avoidedFactors,
    });
  }

  /** GET /kpis/report: the report in one format. */
  async file(ctx: AuthContext, req: ReportRequest, format: ReportFormat): Promise<ReportFile> {
    const content = await this.content(ctx, req);
    const base = { contentType: CONTENT_TYPES[format], fileName: reportFileName(req, format) };
    if (format === 'csv') return { ...base, body: Buffer.from(reportCsv(content), 'utf8') };
    if (format === 'xlsx') return { ...base, body: await reportXlsx(content) };
    const { pdf, pages } = await renderReportPdf(content);
    return { ...base, body: pdf, pages };
  }

  /** POST /kpi-reports: makes the PDF and keeps it, for the caller's tenant. */
  async create(ctx: AuthContext, req: ReportRequest): Promise<StoredReport> {
    kpiReportPolicy.assert(ctx, 'create', ctx.enterpriseId);
    const { pdf, pages } = await renderReportPdf(await this.content(ctx, req));
    return this.deps.handle.db.transaction().execute((trx) => this.insert(trx, ctx, req, { pdf, pages }, null, ctx.username));
  }

  /**
   * Keeps a made report (the schedule job calls it inside its own transaction, with the
   * schedule's id and who set the schedule up); audited.
   */
  async insert(trx: Tx, ctx: AuthContext, req: ReportRequest, made: { pdf: Buffer; pages: number }, scheduleId: number | null, createdBy: string): Promise<StoredReport> {
    const now = Date.now();
    const row = await tablesOf<KpiTables>(trx)
      .insertInto('kpi_reports')
      .values({ enterprise_id: ctx.enterpriseId, scope: req.scope, scope_code: req.code ?? null, period: req.period, language: req.language, schedule_id: scheduleId, pages: made.pages, bytes: made.pdf.length, pdf: made.pdf, created_by: createdBy, created_at: now })
      .returning([...META])
      .executeTakeFirstOrThrow();
    const stored = storedOf(row as ReportRow);
    await this.deps.audit.append(trx, ctx, { action: 'create', entity: 'kpi_report', entityId: stored.id, enterpriseId: ctx.enterpriseId, after: stored }, now);
    return stored;
  }

  /** GET /kpi-reports: the caller's tenant's reports, newest first. */
  async list(ctx: AuthContext, q: { limit: number; offset: number }): Promise<Page<StoredReport>> {
    const own = () => this.ownReports(ctx);
    const [rows, count] = await Promise.all([
      own().select([...META]).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.min(q.limit, MAX_LIMIT)).offset(q.offset).execute(),
      own().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => storedOf(r as ReportRow)), total: Number(count.n), limit: q.limit, offset: q.offset };
  }

  /** GET /kpi-reports/{id}/pdf: the PDF as it was made. */
  async pdf(ctx: AuthContext, id: number): Promise<ReportFile> {
    const row = await this.ownReports(ctx).select([...META, 'pdf']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`KPI report ${id}`);
    const meta = storedOf(row as ReportRow);
    return { body: Buffer.from(row.pdf), contentType: CONTENT_TYPES.pdf, fileName: reportFileName(meta, 'pdf'), pages: meta.pages };
  }

  async remove(ctx: AuthContext, id: number): Promise<void> {
    const row = await this.ownReports(ctx).select([...META]).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`KPI report ${id}`);
    kpiReportPolicy.assert(ctx, 'delete', ctx.enterpriseId);
    await this.deps.handle.db.transaction().execute(async (trx) => {
      await tablesOf<KpiTables>(trx).deleteFrom('kpi_reports').where('id', '=', id).execute();
      await this.deps.audit.append(trx, ctx, { action: 'delete', entity: 'kpi_report', entityId: id, enterpriseId: ctx.enterpriseId, before: storedOf(row as ReportRow) });
    });
  }

  /** The reports of the caller's own tenant: the park's (no enterprise) for park roles, else its enterprise's. */
  private ownReports(ctx: AuthContext) {
    const q = tenantDb(this.db, ctx).selectFrom('kpi_reports');
    return isParkRole(ctx.role) ? q.where('enterprise_id', 'is', null) : q.where('enterprise_id', '=', ctx.enterpriseId ?? -1);
  }

  /** The catalogue as the caller may use it, with the waste codes that say what is solid or hazardous waste. */
  private async materials(ctx: AuthContext): Promise<Map<string, ReportMaterial>> {
    const out = new Map<string, ReportMaterial>();
    for (let offset = 0; ; offset += MAX_LIMIT) {
      const page = await this.deps.registry.materials.list(ctx, { limit: MAX_LIMIT, offset });
      // The caller's own entry wins a shared code; else the catalogue's (as the ledger's view of materials).
      for (const m of page.items) {
        if (out.has(m.code) && !(m.enterpriseId != null && m.enterpriseId === ctx.enterpriseId)) continue;
        out.set(m.code, { code: m.code, name: m.name, nameEn: m.nameEn ?? null, category: m.category, hazardous: m.hazardous, unit: m.unit, swCode: m.swCode ?? null, hwCode: m.hwCode ?? null });
      }
      if (page.items.length < MAX_LIMIT || offset + page.items.length >= page.total) break;
    }
    return out;
  }
}
