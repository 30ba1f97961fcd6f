/** HTTP routes of telemetry: ingestion, device credentials, status, errors, latest values, series. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParamsSchema } from '../../core/crud/schemas.ts';
import { forbidden, Problem, unauthorized, validation } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { assertMayWrite } from '../../core/crud/service.ts';
import { deviceSpec } from '../registry/resources.ts';
import { DEVICE_TOKEN_PREFIX, type DeviceEntry, type TelemetryService } from './service.ts';
import type { OpcUaManager } from './opcua.ts';
import { MAX_HTTP_BODY_BYTES, MAX_TS } from './model.ts';

const problem = { $ref: 'problem#' };
const reading = {
  type: 'object',
  properties: { ts: { type: 'integer', minimum: 0 }, values: { type: 'object', additionalProperties: { type: 'number' } } },
  required: ['values'],
};

export function registerTelemetryRoutes(app: FastifyInstance, telemetry: TelemetryService): void {
  /** The device a request writes for: its own token, or `?device=code` for a user allowed to write it. */
  async function targetDevice(req: FastifyRequest): Promise<DeviceEntry> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer?.startsWith(DEVICE_TOKEN_PREFIX)) {
      const device = await telemetry.deviceForToken(bearer);
      if (!device) throw unauthorized('Unknown or revoked device token');
      const named = (req.query as { device?: string }).device;
      if (named && named !== device.code) throw forbidden('A device token writes only its own device');
      return device;
    }
    const ctx = requireAuth(req);
    const code = (req.query as { device?: string }).device;
    if (!code) throw validation('Name the device with ?device=<code>', [{ path: '/query/device', message: 'is required without a device token' }]);
    const device = await telemetry.device(code);
    if (!device || !(ctx.role === 'park_admin' || ctx.role === 'park_viewer' || ctx.enterpriseId === device.enterpriseId)) {
      throw new Problem('not-found', `Device ${code} was not found`);
    }
    assertMayWrite(ctx, deviceSpec, 'update', device.enterpriseId);
    return device;
  }

  app.post('/api/v1/telemetry', {
    bodyLimit: MAX_HTTP_BODY_BYTES,
    schema: {
      tags: ['telemetry'],
      summary: 'Ingest readings: {"ts","values"} or an array of them; answered after they are committed',
      querystring: { type: 'object', properties: { device: { type: 'string', maxLength: 64 } }, additionalProperties: false },
      // At most MAX_POINTS_PER_MESSAGE readings: counted by parseTelemetry (a maxItems here would
      // drown the reason in anyOf noise), within a body limit that fits them.
      body: { anyOf: [reading, { type: 'array', items: reading, minItems: 1 }] },
      response: {
        200: { type: 'object', properties: { device: { type: 'string' }, stored: { type: 'integer' } } },
        400: problem, 401: problem, 403: problem, 404: problem, 413: problem,
      },
    },
    handler: async (req) => {
      const device = await targetDevice(req);
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
      response: {
        201: { type: 'object', properties: { deviceId: { type: 'integer' }, username: { type: 'string' }, token: { type: 'string' }, createdAt: { type: 'integer' } } },
        401: problem, 403: problem, 404: problem,
      },
    },
    handler: async (req, reply) => reply.code(201).send(await telemetry.rotateCredentials(requireAuth(req), (req.params as { id: number }).id)),
  });

  app.get('/api/v1/devices/:id/status', {
    schema: {
      tags: ['telemetry'],
      summary: 'Online/offline and last seen',
      params: idParamsSchema,
      response: { 200: { type: 'object', properties: { deviceId: { type: 'integer' }, online: { type: 'boolean' }, lastSeenAt: { type: ['integer', 'null'] }, via: { type: ['string', 'null'] } } }, 401: problem, 404: problem },
    },
    handler: async (req) => telemetry.status(requireAuth(req), (req.params as { id: number }).id),
  });

  app.get('/api/v1/devices/:id/errors', {
    schema: {
      tags: ['telemetry'],
      summary: "The device's log of refused messages, newest first",
      params: idParamsSchema,
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } }, additionalProperties: false },
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { ts: { type: 'integer' }, source: { type: 'string' }, reason: { type: 'string' }, detail: { type: ['string', 'null'] } } } } } },
        401: problem, 404: problem,
      },
    },
    handler: async (req) => ({ items: await telemetry.errors(requireAuth(req), (req.params as { id: number }).id, (req.query as { limit: number }).limit) }),
  });

  const statusItem = { type: 'object', properties: { deviceId: { type: 'integer' }, online: { type: 'boolean' }, lastSeenAt: { type: ['integer', 'null'] }, via: { type: ['string', 'null'] } } };
  app.get('/api/v1/device-status', {
    schema: { tags: ['telemetry'], summary: 'Online/offline and last seen of every device the caller may see', response: { 200: { type: 'object', properties: { items: { type: 'array', items: statusItem } } }, 401: problem } },
    handler: async (req) => ({ items: await telemetry.statuses(requireAuth(req)) }),
  });

  app.get('/api/v1/devices/:id/latest', {
    schema: {
      tags: ['telemetry'],
      summary: "The latest reading of each of the device's tags",
      params: idParamsSchema,
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { tagId: { type: 'integer' }, key: { type: 'string' }, ts: { type: 'integer' }, value: { type: 'number' } } } } } }, 401: problem, 404: problem },
    },
    handler: async (req) => ({ items: await telemetry.deviceLatest(requireAuth(req), (req.params as { id: number }).id) }),
  });

  app.get('/api/v1/tags/:id/live', {
    schema: { tags: ['telemetry'], summary: 'Server-sent events: {"ts","value"} for each reading as it is committed', params: idParamsSchema },
    handler: async (req, reply) => {
      const id = (req.params as { id: number }).id;
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
      response: { 200: { type: 'object', properties: { tagId: { type: 'integer' }, unit: { type: 'string' }, ts: { type: 'integer' }, value: { type: 'number' } } }, 401: problem, 404: problem },
    },
    handler: async (req) => telemetry.latest(requireAuth(req), (req.params as { id: number }).id),
  });

  app.get('/api/v1/tags/:id/series', {
    schema: {
      tags: ['telemetry'],
      summary: 'Readings in buckets of `step` ms over [from, to), from raw points or 1m/1h/1d rollups; format=csv for a file',
      params: idParamsSchema,
      querystring: {
        type: 'object',
        properties: {
          // Bounded to the times a Date represents: 1e400 (Infinity) or 1e20 are refused, not queried.
          from: { type: 'integer', minimum: 0, maximum: MAX_TS },
          to: { type: 'integer', minimum: 0, maximum: MAX_TS },
          step: { type: 'integer', minimum: 1, maximum: MAX_TS },
          format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
        },
        required: ['from', 'to'],
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            tagId: { type: 'integer' }, unit: { type: 'string' }, from: { type: 'integer' }, to: { type: 'integer' }, step: { type: 'integer' }, resolution: { type: 'string' },
            points: { type: 'array', items: { type: 'object', properties: { ts: { type: 'integer' }, avg: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' }, count: { type: 'integer' } } } },
          },
        },
        400: problem, 401: problem, 404: problem,
      },
    },
    handler: async (req, reply) => {
      const q = req.query as { from: number; to: number; step?: number; format: 'json' | 'csv' };
      const id = (req.params as { id: number }).id;
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

export function registerOpcUaRoutes(app: FastifyInstance, opcua: OpcUaManager): void {
  const tags = ['telemetry'];
  const view = { type: 'object', additionalProperties: true, properties: { deviceId: { type: 'integer' }, enabled: { type: 'boolean' }, config: { type: 'object', additionalProperties: true }, node: { type: ['string', 'null'], description: 'the node running the connector now (each connector runs on one node); null when none does' }, status: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: true }], description: 'as the running node sees it; null when asked of another node' } } };
  app.get('/api/v1/devices/:id/opcua', {
    schema: { tags, summary: "The device's OPC UA connector and its status (the password is never returned)", params: idParamsSchema, response: { 200: view, 401: problem, 404: problem } },
    handler: async (req) => opcua.get(requireAuth(req), (req.params as { id: number }).id),
  });
  app.put('/api/v1/devices/:id/opcua', {
    schema: {
      tags,
      summary: 'Create or replace the OPC UA connector of a device: endpoint, security, node ids mapped to tag keys',
      params: idParamsSchema,
      body: { type: 'object', properties: { enabled: { type: 'boolean' }, config: { type: 'object' } }, required: ['config'], additionalProperties: false },
      response: { 200: view, 400: problem, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req) => opcua.put(requireAuth(req), (req.params as { id: number }).id, req.body as { enabled?: boolean; config: unknown }),
  });
  app.delete('/api/v1/devices/:id/opcua', {
    schema: { tags, summary: 'Remove the OPC UA connector of a device', params: idParamsSchema, response: { 204: { type: 'null' }, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await opcua.remove(requireAuth(req), (req.params as { id: number }).id);
      return reply.code(204).send();
    },
  });
}
