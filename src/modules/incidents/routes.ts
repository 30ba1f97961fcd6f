/** The incident routes: thin, typed request in, one service call, typed response out. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../../core/http.ts';
import { renderMarkdown } from './report.ts';
import {
  ChecklistAddSchema, ChecklistParamsSchema, ChecklistPatchSchema, CreateIncidentSchema, IncidentListQuerySchema, IncidentPageSchema, IncidentParamsSchema, IncidentSchema,
  LangQuerySchema, LinkAlarmsSchema, PatchIncidentSchema, ReportQuerySchema, ReportSchema, TemplateListSchema, TimelinePostSchema, TransitionSchema,
} from './schemas.ts';
import type { IncidentService } from './service.ts';

const problem = { $ref: 'problem#' };
const tags = ['incidents'];
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export function registerIncidentRoutes(fastify: FastifyInstance, incidents: IncidentService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/incident-templates', {
    schema: { tags, summary: 'The checklist template of each incident kind, in Chinese and English', response: { 200: TemplateListSchema, 401: problem } },
    handler: async (req) => {
      requireAuth(req);
      return incidents.templates();
    },
  });

  app.get('/api/v1/incidents', {
    schema: {
      tags,
      summary: 'Park incidents: every one for park roles, those naming the caller’s enterprise otherwise; newest first',
      querystring: IncidentListQuerySchema,
      response: { 200: IncidentPageSchema, 400: problem, 401: problem },
    },
    handler: async (req) => incidents.list(requireAuth(req), req.query),
  });

  app.post('/api/v1/incidents', {
    schema: {
      tags,
      summary: 'Raise an incident, from alarms or from nothing (a report by phone); its checklist comes from the template of its kind',
      querystring: LangQuerySchema,
      body: CreateIncidentSchema,
      response: { 201: IncidentSchema, ...writeErrors },
    },
    handler: async (req, reply) => {
      const created = await incidents.raise(requireAuth(req), req.body, req.query.lang);
      return reply.code(201).header('location', `/api/v1/incidents/${created.id}`).send(created);
    },
  });

  app.get('/api/v1/incidents/:id', {
    schema: {
      tags,
      summary: 'An incident with its affected parties, linked alarms (of the caller’s visibility), timeline, checklist and report',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      response: { 200: IncidentSchema, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => incidents.get(requireAuth(req), req.params.id, req.query.lang),
  });

  app.patch('/api/v1/incidents/:id', {
    schema: {
      tags,
      summary: 'Edit an incident’s details, affected enterprises and units, or its report (not once closed)',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      body: PatchIncidentSchema,
      response: { 200: IncidentSchema, ...writeErrors },
    },
    handler: async (req) => incidents.update(requireAuth(req), req.params.id, req.body, req.query.lang),
  });

  app.post('/api/v1/incidents/:id/timeline', {
    schema: {
      tags,
      summary: 'Add a message or an action to the timeline (affected enterprises may too); a correction names the entry it corrects',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      body: TimelinePostSchema,
      response: { 201: IncidentSchema, ...writeErrors },
    },
    handler: async (req, reply) => reply.code(201).send(await incidents.post(requireAuth(req), req.params.id, req.body, req.query.lang)),
  });

  app.post('/api/v1/incidents/:id/alarms', {
    schema: {
      tags,
      summary: 'Link more alarms; their enterprises become affected',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      body: LinkAlarmsSchema,
      response: { 200: IncidentSchema, ...writeErrors },
    },
    handler: async (req) => incidents.linkAlarms(requireAuth(req), req.params.id, req.body.alarmIds, req.query.lang),
  });

  app.patch('/api/v1/incidents/:id/checklist/:itemId', {
    schema: {
      tags,
      summary: 'Check, uncheck or mark a checklist item not applicable (with a note saying why)',
      params: ChecklistParamsSchema,
      querystring: LangQuerySchema,
      body: ChecklistPatchSchema,
      response: { 200: IncidentSchema, ...writeErrors },
    },
    handler: async (req) => incidents.setItem(requireAuth(req), req.params.id, req.params.itemId, req.body, req.query.lang),
  });

  app.post('/api/v1/incidents/:id/checklist', {
    schema: {
      tags,
      summary: 'Add an item to the checklist',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      body: ChecklistAddSchema,
      response: { 201: IncidentSchema, ...writeErrors },
    },
    handler: async (req, reply) => reply.code(201).send(await incidents.addItem(requireAuth(req), req.params.id, req.body, req.query.lang)),
  });

  app.post('/api/v1/incidents/:id/transition', {
    schema: {
      tags,
      summary: 'Move an incident: open → contained → closed (needs the report, freezes it); back to open with a reason',
      params: IncidentParamsSchema,
      querystring: LangQuerySchema,
      body: TransitionSchema,
      response: { 200: IncidentSchema, ...writeErrors },
    },
    handler: async (req) => incidents.transition(requireAuth(req), req.params.id, req.body, req.query.lang),
  });

  app.get('/api/v1/incidents/:id/report', {
    schema: {
      tags,
      summary: 'The closing report: the generated draft, the edited one, or the frozen one of a closed incident; format=markdown for the printable text',
      params: IncidentParamsSchema,
      querystring: ReportQuerySchema,
      response: { 200: ReportSchema, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const lang = req.query.lang ?? 'zh-CN';
      const incident = await incidents.get(requireAuth(req), req.params.id, lang);
      if (req.query.format !== 'markdown') return incident.report;
      const md = renderMarkdown(incident, lang, await incidents.timeZone());
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `inline; filename="incident-${incident.id}.md"`)
        .serializer((s: string) => s)
        .send(md);
    },
  });
}
