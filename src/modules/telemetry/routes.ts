/** HTTP routes of telemetry: ingestion, device credentials, status, errors, latest values, series. */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { configErrors } from '../../adapters/opcua/config.ts';
import { idParamsSchema } from '../../core/crud/schemas.ts';
import { forbidden, Problem, unauthorized, validation } from '../../core/errors.ts';
import { requireAuth, toFieldErrors } from '../../core/http.ts';
import { devicePolicy } from '../registry/policy.ts';
import { DEVICE_TOKEN_PREFIX, type DeviceEntry, type TelemetryService } from './service.ts';
import type { OpcUaManager } from './opcua.ts';
import { MAX_HTTP_BODY_BYTES } from './model.ts';
import {
  credentialsResponse, deviceLatestResponse, errorsQuery, errorsResponse, ingestBody, ingestQuery, ingestResponse, OPCUA_CONFIG_AT, opcUaPutBody, opcUaView,
  problem, seriesCsv, seriesQuery, seriesResponse, statusesResponse, statusResponse, tagLatestResponse,
} from './schemas.ts';

export function registerTelemetryRoutes(fastify: FastifyInstance, telemetry: TelemetryService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  /** The device a request writes for: its own token, or `?device=code` for a user allowed to write it. */
  async function targetDevice(req: FastifyRequest, named: string | undefined): Promise<DeviceEntry> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer?.startsWith(DEVICE_TOKEN_PREFIX)) {
      const device = await telemetry.deviceForToken(bearer);
      if (!device) throw unauthorized('Unknown or revoked device token');
      if (named && named !== device.code) throw forbidden('A device token writes only its own device');
      return device;
    }
    const ctx = requireAuth(req);
    const code = named;
    if (!code) throw validation('Name the device with ?device=<code>', [{ path: '/query/device', message: 'is required without a device token' }]);
    const device = await telemetry.device(code);
    if (!device || !(ctx.role === 'park_admin' || ctx.role === 'park_viewer' || ctx.enterpriseId === device.enterpriseId)) {
      throw new Problem('not-found', `Device ${code} was not found`);
    }
    devicePolicy.assert(ctx, 'update', device.enterpriseId);
    return device;
  }

  app.post('/api/v1/telemetry', {
    bodyLimit: MAX_HTTP_BODY_BYTES,
    schema: {
      tags: ['telemetry'],
      summary: 'Ingest readings: {"ts","values"} or an array of them; answered after they are committed',
      querystring: ingestQuery,
      body: ingestBody,
      response: { 200: ingestResponse, 400: problem, 401: problem, 403: problem, 404: problem, 413: problem },
    },
    handler: async (req) => {
      const device = await targetDevice(req, req.query.device);
      const outcome = await telemetry.ingest(device, req.body, 'http');
      if (!outcome.ok) throw validation(`${outcome.reason}: ${outcome.detail}`, [{ path: `/body${outcome.path ?? ''}`, message: `${outcome.reason}: ${outcome.detail}` }]);
      return { device: device.code, stored: outcome.points };
    },
  });

  app.post('/api/v1/devices/:id/credentials', {
    schema: {
      tags: ['telemetry'],
      summary: "Issue a new secret for a device (MQTT password, HTTP bearer); returned once, the old one stops working",
      params: idParamsSchema,
      response: { 201: credentialsResponse, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req, reply) => reply.code(201).send(await telemetry.rotateCredentials(requireAuth(req), req.params.id)),
  });

  app.get('/api/v1/devices/:id/status', {
    schema: {
      tags: ['telemetry'],
      summary: 'Online/offline and last seen',
      params: idParamsSchema,
      response: { 200: statusResponse, 401: problem, 404: problem },
    },
    handler: async (req) => telemetry.status(requireAuth(req), req.params.id),
  });

  app.get('/api/v1/devices/:id/errors', {
    schema: {
      tags: ['telemetry'],
      summary: "The device's log of refused messages, newest first",
      params: idParamsSchema,
      querystring: errorsQuery,
      response: { 200: errorsResponse, 401: problem, 404: problem },
    },
    handler: async (req) => ({ items: await telemetry.errors(requireAuth(req), req.params.id, req.query.limit) }),
  });

  app.get('/api/v1/device-status', {
    schema: { tags: ['telemetry'], summary: 'Online/offline and last seen of every device the caller may see', response: { 200: statusesResponse, 401: problem } },
    handler: async (req) => ({ items: await telemetry.statuses(requireAuth(req)) }),
  });

  app.get('/api/v1/devices/:id/latest', {
    schema: {
      tags: ['telemetry'],
      summary: "The latest reading of each of the device's tags",
      params: idParamsSchema,
      response: { 200: deviceLatestResponse, 401: problem, 404: problem },
    },
    handler: async (req) => ({ items: await telemetry.deviceLatest(requireAuth(req), req.params.id) }),
  });

  app.get('/api/v1/tags/:id/live', {
    schema: { tags: ['telemetry'], summary: 'Server-sent events: {"ts","value"} for each reading as it is committed', params: idParamsSchema },
    handler: async (req, reply) => {
      const id = req.params.id;
      await telemetry.registry.tags.get(requireAuth(req), id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': live\n\n');
      const send = (r: { ts: number; value: number }) => res.write(`data: ${JSON.stringify(r)}\n\n`);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
      // Readings committed on this node or, with a distributed bus (--bus nats://…), on any other.
      const unwatch = telemetry.watch(id, send);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unwatch();
      });
    },
  });

  app.get('/api/v1/tags/:id/latest', {
    schema: {
      tags: ['telemetry'],
      summary: "The tag's latest reading",
      params: idParamsSchema,
      response: { 200: tagLatestResponse, 401: problem, 404: problem },
    },
    handler: async (req) => telemetry.latest(requireAuth(req), req.params.id),
  });

  app.get('/api/v1/tags/:id/series', {
    schema: {
      tags: ['telemetry'],
      summary: 'Readings in buckets of `step` ms over [from, to), from raw points or 1m/1h/1d rollups; format=csv for a file',
      params: idParamsSchema,
      querystring: seriesQuery,
      response: {
        200: { content: { 'application/json': { schema: seriesResponse }, 'text/csv': { schema: seriesCsv } } },
        400: problem, 401: problem, 404: problem,
      },
    },
    handler: async (req, reply) => {
      const q = req.query;
      const id = req.params.id;
      const s = await telemetry.series(requireAuth(req), id, q.from, q.to, q.step);
      if (q.format !== 'csv') return s;
      const lines = ['time,ts,avg,min,max,count', ...s.points.map((p) => `${new Date(p.ts).toISOString()},${p.ts},${p.avg},${p.min},${p.max},${p.count}`)];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tag-${id}-${s.resolution}.csv"`)
        .serializer((x: unknown) => String(x))
        .send(lines.join('\n') + '\n');
    },
  });
}

export function registerOpcUaRoutes(fastify: FastifyInstance, opcua: OpcUaManager): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['telemetry'];
  app.get('/api/v1/devices/:id/opcua', {
    schema: { tags, summary: "The device's OPC UA connector and its status (the password is never returned)", params: idParamsSchema, response: { 200: opcUaView, 401: problem, 404: problem } },
    handler: async (req) => opcua.get(requireAuth(req), req.params.id),
  });
  app.put('/api/v1/devices/:id/opcua', {
    schema: {
      tags,
      summary: 'Create or replace the OPC UA connector of a device: endpoint, security, node ids mapped to tag keys',
      params: idParamsSchema,
      body: opcUaPutBody,
      response: { 200: opcUaView, 400: problem, 401: problem, 403: problem, 404: problem },
    },
    schemaErrorFormatter: opcUaErrors,
    handler: async (req) => opcua.put(requireAuth(req), req.params.id, req.body),
  });
  app.delete('/api/v1/devices/:id/opcua', {
    schema: { tags, summary: 'Remove the OPC UA connector of a device', params: idParamsSchema, response: { 204: { type: 'null' }, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await opcua.remove(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });
}

/** Validation errors of the OPC UA PUT: the config's in the words of adapters/opcua/config.ts, the rest as everywhere. */
function opcUaErrors(errors: FastifySchemaValidationError[], dataVar: string): Problem {
  const part = dataVar === 'querystring' ? 'query' : dataVar;
  const { fields, rest } = part === 'body' ? configErrors(errors, OPCUA_CONFIG_AT) : { fields: [], rest: errors };
  const all = [...fields.map((f) => ({ path: `/body/config${f.path}`, message: f.message })), ...toFieldErrors(part, rest)];
  return new Problem('validation', all.map((f) => `${f.path} ${f.message}`).join('; '), all);
}
