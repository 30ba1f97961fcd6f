/**
 * The report's routes: the report as a file (GET /kpis/report), stored reports (/kpi-reports) and
 * their schedules (/kpi-report-schedules, a plain collection).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { registerCollectionRoutes } from '../../../core/crud/routes.ts';
import { idParamsSchema, pageParams, pageSchema, Nullable } from '../../../core/crud/schemas.ts';
import { requireAuth } from '../../../core/http.ts';
import { KPI_SCOPES } from '../model.ts';
import { REPORT_LANGUAGES } from './report-labels.ts';
import type { KpiReportScheduleService } from './report-schedules.ts';
import type { KpiReportService, ReportFile } from './report-service.ts';

const problem = { $ref: 'problem#' };
const tags = ['kpis'];
const enumOf = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

const Period = Type.String({ pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$', description: "a month '2026-03' (monthly report) or a year '2026' (annual report)" });
const Scope = enumOf(KPI_SCOPES, 'park, enterprise or unit');
const Code = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: "the enterprise's code, or the unit's flow-node code (not for the park)" });
const Language = enumOf(REPORT_LANGUAGES, 'the language of every label');

export const ReportQuerySchema = Type.Object(
  {
    period: Period,
    scope: Scope,
    code: Type.Optional(Code),
    lang: Type.Optional(enumOf(REPORT_LANGUAGES, 'zh-CN (default) or en')),
    format: Type.Optional(enumOf(['pdf', 'csv', 'xlsx'] as const, 'pdf (default); csv: the KPI table; xlsx: one sheet per table')),
  },
  { additionalProperties: false },
);

export const ReportBodySchema = Type.Object({ period: Period, scope: Scope, code: Type.Optional(Nullable(Code)), language: Type.Optional(Language) }, { additionalProperties: false });

export const StoredReportSchema = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  scope: Scope,
  code: Nullable(Type.String()),
  language: Language,
  pages: Type.Integer(),
  bytes: Type.Integer(),
  createdAt: Type.Integer({ description: 'epoch ms' }),
  createdBy: Type.String(),
  scheduleId: Nullable(Type.Integer({ description: 'the schedule that made it; null: made by a person' })),
});

const sendFile = (reply: FastifyReply, file: ReportFile) => {
  if (file.pages !== undefined) void reply.header('x-report-pages', String(file.pages));
  // A PDF opens in the browser (the console previews it in a frame); tables are saved. Both keep their file name.
  const disposition = file.contentType === 'application/pdf' ? 'inline' : 'attachment';
  return reply.type(file.contentType).header('content-disposition', `${disposition}; filename="${file.fileName}"`).send(file.body);
};

export function registerKpiReportRoutes(fastify: FastifyInstance, reports: KpiReportService, schedules: KpiReportScheduleService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/kpis/report', {
    schema: {
      tags,
      summary: "The park's (or an enterprise's, a unit's) monthly or annual KPI report as PDF, or its tables as CSV or XLSX",
      querystring: ReportQuerySchema,
      response: { 400: problem, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const q = req.query;
      const file = await reports.file(requireAuth(req), { period: q.period, scope: q.scope, code: q.code ?? null, language: q.lang ?? 'zh-CN' }, q.format ?? 'pdf');
      return sendFile(reply, file);
    },
  });

  app.post('/api/v1/kpi-reports', {
    schema: { tags, summary: 'Make the PDF report of a period and keep it (for the caller’s tenant)', body: ReportBodySchema, response: { 201: StoredReportSchema, 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      const b = req.body;
      const stored = await reports.create(requireAuth(req), { period: b.period, scope: b.scope, code: b.code ?? null, language: b.language ?? 'zh-CN' });
      return reply.code(201).header('location', `/api/v1/kpi-reports/${stored.id}/pdf`).send(stored);
    },
  });

  app.get('/api/v1/kpi-reports', {
    schema: { tags, summary: 'The kept reports of the caller’s tenant, newest first', querystring: Type.Object(pageParams(), { additionalProperties: false }), response: { 200: pageSchema(StoredReportSchema), 400: problem, 401: problem } },
    handler: async (req) => reports.list(requireAuth(req), { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  });

  app.get('/api/v1/kpi-reports/:id/pdf', {
    schema: { tags, summary: 'A kept report’s PDF, as it was made', params: idParamsSchema, response: { 400: problem, 401: problem, 404: problem } },
    handler: async (req, reply) => sendFile(reply, await reports.pdf(requireAuth(req), req.params.id)),
  });

  app.delete('/api/v1/kpi-reports/:id', {
    schema: { tags, summary: 'Delete a kept report', params: idParamsSchema, response: { 204: { type: 'null' }, 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await reports.remove(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  registerCollectionRoutes(fastify, schedules);
}
