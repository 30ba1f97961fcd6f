/**
 * Composition root: configuration → adapters → modules → HTTP. Everything a running node is made
 * of is wired here and nowhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from './core/security-headers.ts';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { MemoryBus, openBus, type Bus, type BusLog } from './adapters/bus/index.ts';
import { openDb, type DbHandle } from './adapters/db/index.ts';
import { OutboxDispatcher } from './adapters/db/outbox.ts';
import { MqttPortInUseError, startEmbeddedBroker } from './adapters/mqtt/embedded.ts';
import { subscribeExternal } from './adapters/mqtt/external.ts';
import { migrateToLatest } from './adapters/db/migrate.ts';
import { LeaseStore } from './adapters/db/leases.ts';
import { ConfigError, publicUrlOf, servingOf, type Config } from './config.ts';
import { Problem } from './core/errors.ts';
import { installHttpPlumbing } from './core/http.ts';
import { installMetrics } from './core/metrics.ts';
import { systemContext } from './core/roles.ts';
import { Worker } from './core/worker.ts';
import { POLICIES } from './policies.ts';
import { AuditStore } from './core/audit/store.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerAlarmWebhooks } from './modules/alarms/webhooks/routes.ts';
import { alarmSourceFrom } from './modules/alarms/webhooks/alarm-source.ts';
import { registerAlarmRoutes } from './modules/alarms/routes.ts';
import { registerAlarmRuntimeRoutes } from './modules/alarms/runtime-routes.ts';
import { AlarmRuntime } from './modules/alarms/runtime.ts';
import { AlarmService } from './modules/alarms/service.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerIdentityRoutes } from './modules/identity/routes.ts';
import { registerGenealogyRoutes, registerTraceRoutes } from './modules/trace/routes.ts';
import { TraceService } from './modules/trace/service.ts';
import { registerQueryRoutes } from './modules/trace/queries-routes.ts';
import { standingFrom, SubscriptionService } from './modules/trace/subscriptions.ts';
import { IdentityService } from './modules/identity/service.ts';
import { AuthService } from './modules/auth/service.ts';
import { registerRegistryRoutes } from './modules/registry/routes.ts';
import { RegistryService } from './modules/registry/service.ts';
import { OpcUaManager } from './modules/telemetry/opcua.ts';
import { registerOpcUaRoutes, registerTelemetryRoutes } from './modules/telemetry/routes.ts';
import { TelemetryService } from './modules/telemetry/service.ts';
import { IncidentService } from './modules/incidents/service.ts';
import { registerIncidentRoutes } from './modules/incidents/routes.ts';
import { alarmLookup } from './modules/incidents/neighbours.ts';
import { FlowLedgerService } from './modules/flows/ledger-service.ts';
import { registerFlowLedgerRoutes } from './modules/flows/routes.ts';
import { registerFlowBalanceRoutes } from './modules/flows/balance-routes.ts';
import { registerFlowSourceRoutes } from './modules/flows/sources-routes.ts';
import { startFlowBalanceCheck } from './modules/flows/balance-check.ts';
import { KpiService } from './modules/kpi/service.ts';
import { registerKpiRoutes } from './modules/kpi/routes.ts';
import { registerOlcaRoutes } from './modules/kpi/olca-routes.ts';
import { KpiReportService } from './modules/kpi/report/report-service.ts';
import { KpiReportScheduleService, runKpiReportSchedules } from './modules/kpi/report/report-schedules.ts';
import { registerKpiReportRoutes } from './modules/kpi/report/report-routes.ts';
import { DealService } from './modules/exchange/deals/service.ts';
import { registerDealRoutes } from './modules/exchange/deals/routes.ts';
import { ExchangeService } from './modules/exchange/service.ts';
import { registerExchangeRoutes } from './modules/exchange/routes.ts';
// ---- manifests (issue 14): the service and its routes ----
import { ManifestService } from './modules/manifests/service.ts';
import { registerManifestRoutes } from './modules/manifests/routes.ts';
import { ManifestLinks } from './modules/manifests/links.ts';
// ---- end manifests: service and routes ----

import { VERSION } from './version.ts';
export { VERSION };

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    symbiontRoutes: RouteEntry[];
    opcua: OpcUaManager;
    /** Where devices publish, once the broker runs (shown by /api/v1/health). */
    mqtt: { url: string | null; port: number | null };
    /** The URL users and devices reach this node by, once it listens (shown by /api/v1/health). */
    publicUrl: string | null;
  }
}

export interface Services {
  handle: DbHandle;
  audit: AuditStore;
  auth: AuthService;
  registry: RegistryService;
  telemetry: TelemetryService;
  identity: IdentityService;
  trace: TraceService;
  /** EPCIS named queries and webhook subscriptions (its delivery worker runs under startPlatform). */
  subscriptions: SubscriptionService;
  /** Park incidents (应急处置): timeline, checklist, closing report. */
  incidents: IncidentService;
  /** Alarm rules, alarms and their journal (issue 10). */
  alarms: AlarmService;
  /** The material and energy flow ledger (issue 11): nodes, flows, stocks, share rules. */
  flows: FlowLedgerService;
  /** Green KPIs (issue 12): settings, stated figures, targets, the indicators computed from the ledger. */
  kpis: KpiService;
  /** The industrial symbiosis exchange (issue 13): listings, licences, the park's substitutions and distances, settings, the market, plans, drafts; `exchange.deals` the deals. */
  exchange: ExchangeService;
  /** Hazardous-waste transfer manifests (issue 14): drafts, signatures, corrections, the park's watch. */
  manifests: ManifestService;
  /** What manifests' steps write elsewhere (issue 14; its processor and sweep run under startPlatform). */
  manifestLinks: ManifestLinks;
  /** Background jobs with an owner: each runs on the one node holding its lease (started under startPlatform). */
  worker: Worker;
  /** Domain events and live updates (in this process, or NATS JetStream with --bus). */
  bus: Bus;
  /** Publishes recorded domain events to the bus (runs under startPlatform, on every node). */
  outbox: OutboxDispatcher;
  /** Writes what is queued and closes the store. */
  close(): Promise<void>;
}

/** Opens the store, migrates it and builds the modules (no HTTP). Used by the server and the CLI. */
export async function openServices(config: Pick<Config, 'db' | 'sessionTtlHours'> & { resolverPeers?: Map<string, string>; eventBus?: Bus }): Promise<Services> {
  // The services own the bus from here on (closed with them); the CLI's commands use one in memory.
  const bus = config.eventBus ?? new MemoryBus();
  const handle = openDb(config.db);
  try {
    await migrateToLatest(handle.db, handle.dialect);
  } catch (err) {
    await handle.close().catch(() => {});
    await bus.close().catch(() => {});
    throw new ConfigError(`the store at ${handle.location} could not be opened: ${(err as Error).message}`);
  }
  const audit = new AuditStore(handle.db, handle.dialect);
  const outbox = new OutboxDispatcher(handle, bus);
  const registry = new RegistryService(handle, audit);
  const telemetry = new TelemetryService(handle, registry, audit, { bus });
  // Device items show telemetry's online/last seen through the registry's hook (no dependency of the registry on telemetry).
  registry.provideDeviceStatus((ids) => telemetry.deviceStatuses(ids));
  const identity = new IdentityService(handle, registry, audit, config.resolverPeers);
  // Trace names enterprises and weighs mints through the registry's and identity's services.
  const trace = new TraceService(handle, audit, { registry, identity }, undefined, outbox);
  const auth = new AuthService(handle, audit, config.sessionTtlHours * 3_600_000);
  // The registry counts users and keeps GS1 keys consistent with recorded company prefixes through the owning modules' services.
  registry.provideUserCount((ctx) => auth.users.count(ctx));
  registry.onCompanyPrefixesRecorded((trx, holderId, prefixes) => identity.releaseKeysUnder(trx, holderId, prefixes));
  // Deliveries run with their creator's visibility while the auth module says the creator still stands as it did.
  const subscriptions = new SubscriptionService(handle, audit, trace, standingFrom(auth.users));
  const worker = new Worker(new LeaseStore(handle.db));
  const alarms = new AlarmService(handle, audit, registry, outbox);
  const incidents = new IncidentService(handle, audit, registry, outbox, alarmLookup(alarms));
  const flows = new FlowLedgerService(handle, audit, registry, outbox);
  const kpis = new KpiService(handle, audit, registry, flows);
  const exchange = new ExchangeService(handle, audit, registry, flows, new DealService(handle, audit, { registry, ledger: flows, trace, identity }, outbox));
  // ---- manifests (issue 14): the links (links.ts; B2 owns this line and the processor/sweep startup) ----
  const manifestLinks = new ManifestLinks(handle, { registry, identity, trace, ledger: flows, alarms, deals: exchange.deals });
  // ---- end manifests: links ----
  // ---- manifests (issue 14): the service ----
  const manifests = new ManifestService(handle, audit, { registry, identity, links: manifestLinks }, outbox);
  // ---- end manifests: service ----
  // ---- manifests (issue 14): the exchange's port (B2) ----
  // A hazardous deal's deliveries travel with manifests: the deal opens them and learns of their receipt (links.ts).
  exchange.deals.provideManifests(manifests);
  // ---- end manifests: the exchange's port ----
  return {
    handle,
    audit,
    auth,
    registry,
    telemetry,
    identity,
    trace,
    subscriptions,
    alarms,
    incidents,
    flows,
    kpis,
    exchange,
    manifests,
    manifestLinks,
    worker,
    bus,
    outbox,
    close: async () => {
      await subscriptions.stop();
      await worker.stop();
      await outbox.stop();
      await trace.close();
      await telemetry.close();
      await bus.close();
      await handle.close();
    },
  };
}

export interface BootstrapReport {
  adminCreated: boolean;
  generatedAdminPassword?: string;
  catalogue: { added: number; updated: number; version: number };
}

/** First-start work: the park record, the administrator and the catalogue. Idempotent. */
export async function bootstrap(services: Services, config: Pick<Config, 'adminPassword'>): Promise<BootstrapReport> {
  const ctx = systemContext();
  if (!(await services.registry.hasPark())) await services.registry.savePark(ctx, {});
  const admin = await services.auth.ensureAdmin(ctx, config.adminPassword);
  const catalogue = await services.registry.syncCatalogue(ctx);
  // The ledger's nodes follow the registry (new enterprises and units also sync when a write names them).
  await services.flows.syncNodes();
  return { adminCreated: admin.created, generatedAdminPassword: admin.password, catalogue };
}

export async function buildHttp(services: Services, config: Config): Promise<FastifyInstance> {
  const serving = servingOf(config);
  // Fastify types an HTTPS instance apart from an HTTP one; the routes are the same, so one type is used.
  const app = Fastify({
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    // Fastify's 100-character default sends a longer path parameter (a long lot in a Digital Link) past
    // its route to the console's fallback page; the routes judge their own parameters.
    routerOptions: { maxParamLength: 2048 },
    // A line per request only when debugging; errors are always logged.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    ajv: { customOptions: { allErrors: true } },
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  app.decorateRequest('auth', null);
  // Every route, for the tenancy matrix test that must cover each of them.
  const routes: RouteEntry[] = [];
  app.decorate('symbiontRoutes', routes);
  app.decorate('mqtt', { url: null, port: null });
  app.decorate('publicUrl', null);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  installHttpPlumbing(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design and ECharts style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Over plain HTTP (a plant network) this directive would send every asset request to an
        // HTTPS port that does not exist and leave a blank page; it belongs only where browsers
        // reach the node over HTTPS.
        upgradeInsecureRequests: serving.https ? [] : null,
      },
    },
    // HSTS pins the host name to HTTPS: only a node that terminates TLS itself may promise that. Behind
    // a TLS-terminating proxy the proxy owns that policy. Sub-domains are other systems' business.
    hsts: serving.nativeTls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // Browsers ignore this header from an origin that is not HTTPS and say so in red on every page load.
    crossOriginOpenerPolicy: serving.https,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Symbiont API', version: VERSION, description: 'Industrial-internet platform for circular-economy industrial parks' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'symbiont_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuthRoutes(app, services.auth, { secureCookies: serving.https, sessionTtlMs: config.sessionTtlHours * 3_600_000, policies: POLICIES });
  registerRegistryRoutes(app, services.registry);
  registerAuditRoutes(app, services.audit);
  registerTelemetryRoutes(app, services.telemetry);
  registerIdentityRoutes(app, services.identity);
  registerTraceRoutes(app, services.trace);
  registerQueryRoutes(app, services.subscriptions);
  registerGenealogyRoutes(app, services.trace, services.identity);
  registerIncidentRoutes(app, services.incidents);
  registerFlowLedgerRoutes(app, services.flows);
  registerFlowBalanceRoutes(app, services);
  registerFlowSourceRoutes(app, services);
  registerKpiRoutes(app, services.kpis);
  registerExchangeRoutes(app, services.exchange);
  registerDealRoutes(app, services.exchange.deals);
  registerManifestRoutes(app, services.manifests);
  services.manifests.log ??= app.log;
  registerOlcaRoutes(app, services);
  registerKpiReportRoutes(app, new KpiReportService(services), new KpiReportScheduleService(services.handle, services.audit, (id) => services.registry.enterpriseCode(id)));
  registerAlarmWebhooks(app, services, { alarms: alarmSourceFrom(services.alarms), parkSees: (e) => services.alarms.parkSees(e) });
  registerAlarmRoutes(app, services.alarms);
  registerAlarmRuntimeRoutes(app, services);
  const opcua = new OpcUaManager(services.handle, services.telemetry, services.audit, { dataDir: config.dataDir, log: app.log, worker: services.worker });
  app.decorate('opcua', opcua);
  registerOpcUaRoutes(app, opcua);
  installMetrics(app);

  const started = Date.now();
  app.get('/api/v1/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness and the store',
      security: [],
      response: {
        200: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            version: { type: 'string' },
            db: { type: 'string' },
            uptimeS: { type: 'integer' },
            mqttUrl: { type: ['string', 'null'], description: 'where devices publish' },
            mqttPort: { type: ['integer', 'null'], description: 'the embedded broker port (null with an external broker)' },
            publicUrl: { type: ['string', 'null'], description: 'the URL users and devices reach this node by (--public-url)' },
          },
        },
        503: { type: 'object', properties: { status: { type: 'string' }, detail: { type: 'string' } } },
      },
    },
    handler: async (_req, reply) => {
      try {
        await services.handle.db.selectFrom('park').select('id').limit(1).execute();
      } catch (err) {
        return reply.code(503).send({ status: 'unavailable', detail: `store: ${(err as Error).message}` });
      }
      return { status: 'ok', version: VERSION, db: services.handle.dialect, uptimeS: Math.floor((Date.now() - started) / 1000), mqttUrl: app.mqtt.url, mqttPort: app.mqtt.port, publicUrl: app.publicUrl };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  serveConsole(app, config.webDir);
  return app;
}

/** Serves the built console, with the single-page app's routes falling back to index.html. */
function serveConsole(app: FastifyInstance, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Symbiont is running. The console is not built: run `npm run build:web`. The API is at /api/docs.'),
    );
    return;
  }
  app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0];
    if (p.startsWith('/api/') || path.extname(p)) {
      return reply.code(404).type('application/problem+json').send(new Problem('not-found', `No route GET ${p}`).toBody());
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

export interface Platform {
  services: Services;
  app: FastifyInstance;
  /** Where this machine reaches the node (the listening address; for tests and local tools). */
  url: string;
  /** The URL users and devices reach the node by: --public-url, else the listening address. */
  publicUrl: string;
  /** Where this machine reaches the broker (the embedded one on the listening address, or the external one; for tests and local tools). */
  mqttUrl: string;
  /** The embedded MQTT broker's port (null with an external broker). */
  mqttPort: number | null;
  bootstrap: BootstrapReport;
  close(): Promise<void>;
}

export async function startPlatform(config: Config, opts: { beforeListen?: (s: Services) => Promise<void> } = {}): Promise<Platform> {
  // The bus logs through the node's logger once there is one.
  let log: BusLog | undefined;
  const busLog: BusLog = { info: (o, m) => log?.info(o, m), warn: (o, m) => log?.warn(o, m), error: (o, m) => log?.error(o, m) };
  let eventBus: Bus;
  try {
    eventBus = await openBus(config.bus, { name: `symbiont ${config.nodeId}`, log: busLog });
  } catch (err) {
    const where = config.bus ? config.bus.replace(/\/\/[^@/]*@/, '//') : 'memory';
    throw new ConfigError(`--bus ${where}: the bus could not be reached: ${(err as Error).message}`);
  }
  const services = await openServices({ ...config, eventBus });
  try {
    const report = await bootstrap(services, config);
    // Known before listening unless the port is chosen by the system; identifiers minted meanwhile
    // (the demo) are served under the final URL anyway (IdentityService serves index 1 anew).
    if (config.publicUrl || config.port !== 0) services.identity.baseUrl = publicUrlOf(config, config.port);
    await opts.beforeListen?.(services);
    const app = await buildHttp(services, config);
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const localUrl = publicUrlOf({ host: config.host, tls: config.tls }, port, null);
    const publicUrl = publicUrlOf(config, port);
    app.publicUrl = publicUrl;
    let broker: { port: number | null; close(): Promise<void> };
    try {
      if (config.mqttUrl) {
        const sub = await subscribeExternal({ url: config.mqttUrl, nodeId: config.nodeId, telemetry: services.telemetry, log: app.log });
        broker = { port: null, close: sub.close };
      } else {
        broker = await startEmbeddedBroker({ port: config.mqttPort, host: config.host, telemetry: services.telemetry, log: app.log });
      }
    } catch (err) {
      if (!(err instanceof MqttPortInUseError) || config.mqttPortChosen) {
        await app.close();
        throw err;
      }
      // The default port is taken (often by another broker on the same machine): run on a free one.
      broker = await startEmbeddedBroker({ port: 0, host: config.host, telemetry: services.telemetry, log: app.log });
      app.log.warn({ port: broker.port }, `${err.message}; the embedded broker uses port ${broker.port} instead`);
    }
    services.identity.baseUrl = publicUrl;
    services.trace.nodeId = config.nodeId;
    const resumed = await services.trace.resumeCaptures();
    if (resumed) app.log.warn({ jobs: resumed }, 'capture jobs interrupted by the last stop run again');
    // What the node tells users and devices (health, the console) names the host they reach it by.
    const deviceHost = config.publicUrl ? new URL(publicUrl).hostname : host;
    app.mqtt.url = config.mqttUrl ?? `mqtt://${deviceHost}:${broker.port}`;
    app.mqtt.port = broker.port;
    // Owned background work: retention once an hour on one node (the first node's start runs it at
    // once), OPC UA connectors each on one node (src/core/worker.ts; errors are logged by the worker).
    services.worker.start({ nodeId: config.nodeId, log: app.log });
    services.worker.every('telemetry:retention', 3_600_000, async () => {
      const r = await services.telemetry.applyRetention(config.retentionRawDays, config.retentionMinuteDays);
      if (r.points || r.minuteRollups || r.deviceErrors) app.log.info(r, 'retention: deleted expired readings and device error-log entries');
    });
    await app.opcua.startAll();
    // EPCIS subscription delivery: one worker job, on one node at a time (src/modules/trace/delivery.ts).
    services.subscriptions.start(services.worker, app.log);
    // Alarm webhooks: the alarms-webhooks processor on every node, delivery on one (src/modules/alarms/webhooks/dispatcher.ts).
    app.alarmWebhooks.dispatcher.start(services.worker, app.log);
    // Alarm evaluation as readings commit: one worker job, on one node at a time (src/modules/alarms/runtime.ts).
    const alarmRuntime = new AlarmRuntime({
      store: services.alarms,
      telemetry: services.telemetry,
      deviceStates: (ids) => services.alarms.deviceServiceStates(ids),
      rulesVersion: () => services.alarms.rulesVersion(),
      rulesChanged: (listener) => {
        services.alarms.changes.on('rules', listener);
        return () => void services.alarms.changes.off('rules', listener);
      },
      log: app.log,
    });
    alarmRuntime.start(services.worker);
    // Balance exceptions as ledger writes commit: the flows-balance-check processor (src/modules/flows/balance-check.ts).
    const balanceCheck = startFlowBalanceCheck(services);
    // Scheduled KPI reports: each hour, on one node, the last complete period's report of every enabled schedule not yet made (src/modules/kpi/report/report-schedules.ts).
    const kpiReports = new KpiReportService(services);
    services.worker.every('kpi:reports', 3_600_000, async () => {
      const r = await runKpiReportSchedules({ handle: services.handle, reports: kpiReports, timeZone: async () => (await services.registry.getPark()).timezone });
      if (r.made.length) app.log.info({ made: r.made }, 'kpi reports: scheduled reports made');
      if (r.failed.length) app.log.warn({ failed: r.failed }, 'kpi reports: scheduled reports that could not be made (tried again next hour)');
    });
    // ---- manifests (issue 14): links and the overdue sweep (B2) ----
    // What a manifest's step means elsewhere (EPCIS, ledger, alarms, the deal), again after the service's
    // own attempt: the durable manifests-links processor (idempotent, links.ts); overdue manifests once a minute on one node.
    const manifestLinksProcessor = services.bus.subscribe('manifests.manifest.changed', { durable: 'manifests-links' }, async (event) => {
      await services.manifestLinks.apply(event.data.manifestId);
    });
    services.worker.every('manifests:overdue', 60_000, async () => {
      const r = await services.manifests.sweep();
      if (r.raised || r.cleared) app.log.info(r, 'manifests: overdue alarms raised and cleared');
    });
    // ---- end manifests: links and the overdue sweep ----
    // After the processors subscribed: events recorded before the start (the demo's captures) are published now.
    log = app.log;
    services.outbox.start({ log: app.log });
    return {
      services,
      app,
      url: localUrl,
      publicUrl,
      mqttPort: broker.port,
      mqttUrl: config.mqttUrl ?? `mqtt://${host}:${broker.port}`,
      bootstrap: report,
      close: async () => {
        await services.subscriptions.stop();
        await app.alarmWebhooks.dispatcher.stop();
        await services.outbox.stop();
        await app.opcua.stopAll();
        await broker.close();
        await app.close();
        await alarmRuntime.stop();
        await balanceCheck.stop();
        await manifestLinksProcessor.close();
        await services.close();
      },
    };
  } catch (err) {
    await services.close();
    throw err;
  }
}
