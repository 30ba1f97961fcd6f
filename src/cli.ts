/** The `symbiont` command: start | migrate | user | import (telemetry, flows) | audit | demo. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command, Option } from 'commander';
import type { Services } from './app.ts';
import { VERSION } from './version.ts';
import { ConfigError, loadConfig, type ConfigInput } from './config.ts';
import { ROLES, systemContext } from './core/roles.ts';
import { LOCALES } from './core/locales.ts';
import { Problem } from './core/errors.ts';
import { progressBar } from './core/progress.ts';

/**
 * The platform, loaded once a command's arguments have been checked: it is most of the code base, and
 * a mistyped flag should be answered at once, not after seconds of loading.
 */
const platformCode = () => import('./app.ts');

const program = new Command('symbiont').version(VERSION).description('Symbiont: the industrial-internet platform of a circular-economy park');

const storeOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'where the embedded store lives (SYMBIONT_DATA_DIR)'))
    .addOption(new Option('--db <url>', 'sqlite:<file> or postgres://… (SYMBIONT_DB)'));

/** Flags the user gave, with commander's defaults left out so that SYMBIONT_* variables apply. */
function given(cmd: Command): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cmd.opts())) {
    if (cmd.getOptionValueSource(k) !== 'default') out[k] = v;
  }
  return out as ConfigInput;
}

async function withServices<T>(cmd: Command, fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig(given(cmd));
  const { openServices, bootstrap } = await platformCode();
  const services = await openServices(config);
  try {
    await bootstrap(services, config);
    return await fn(services);
  } finally {
    await services.close();
  }
}

storeOptions(program.command('start').description('run the platform (API, console, demo park)'))
  .addOption(new Option('--host <host>', 'address to listen on (SYMBIONT_HOST)'))
  .addOption(new Option('--port <port>', 'HTTP port, default 8080 (SYMBIONT_PORT)'))
  .addOption(new Option('--public-url <url>', 'the URL users and devices reach this node by, e.g. https://symbiont.plant.example (SYMBIONT_PUBLIC_URL)'))
  .addOption(new Option('--tls-cert <file>', 'serve HTTPS with this PEM certificate chain; needs --tls-key (SYMBIONT_TLS_CERT)'))
  .addOption(new Option('--tls-key <file>', 'the PEM private key of --tls-cert (SYMBIONT_TLS_KEY)'))
  .addOption(new Option('--mqtt-port <port>', 'MQTT port, default 1883 (SYMBIONT_MQTT_PORT)'))
  .addOption(new Option('--mqtt-url <url>', 'use an external broker instead of the embedded one (SYMBIONT_MQTT_URL)'))
  .addOption(new Option('--bus <url>', 'domain events across nodes: nats://host:4222 (NATS JetStream); default in this process (SYMBIONT_BUS)'))
  .addOption(new Option('--resolver-peers <list>', 'resolvers of other identifier prefixes: 88.118.3=http://host:port,… (SYMBIONT_RESOLVER_PEERS)'))
  .addOption(new Option('--node-id <name>', "this node's stable name for its broker session (SYMBIONT_NODE_ID)"))
  .addOption(new Option('--no-demo', 'do not load the demo park (SYMBIONT_NO_DEMO=1)'))
  .addOption(new Option('--no-simulator', 'do not run the demo device simulator (SYMBIONT_NO_SIMULATOR=1)'))
  .addOption(new Option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (SYMBIONT_LOG_LEVEL)'))
  .addOption(new Option('--retention-raw-days <days>', 'keep raw readings this long, default 90 (SYMBIONT_RETENTION_RAW_DAYS)'))
  .addOption(new Option('--retention-minute-days <days>', 'keep 1-minute rollups this long, default 730 (SYMBIONT_RETENTION_MINUTE_DAYS)'))
  .action(async (_opts, cmd: Command) => {
    const config = loadConfig(given(cmd));
    ensureConsoleBuilt(config.webDir);
    if (config.db.startsWith('postgres')) {
      const { ensurePostgresDatabase } = await import('./adapters/db/index.ts');
      // Creating the database is a convenience; a role without CREATEDB still starts on an existing one.
      await ensurePostgresDatabase(config.db).catch(() => {});
    }
    const { loadDemo } = await import('../demo/load.ts');
    const { startPlatform } = await platformCode();
    const platform = await startPlatform(config, {
      beforeListen: async (services) => {
        if (!config.demo) return;
        const bar = progressBar('Loading the demo park');
        const r = await loadDemo(services, undefined, bar.update);
        bar.done(r.loaded ? `${r.enterprises} enterprises, ${r.devices} devices, ${r.tags} tags, ${r.users} users` : 'already loaded');
      },
    });
    const { bootstrap: b } = platform;
    const lines = [
      '',
      `Symbiont ${VERSION} is running on ${platform.services.handle.dialect} (${platform.services.handle.location})`,
      `  Console:  ${platform.publicUrl}/${platform.publicUrl !== platform.url ? `  (listening on ${platform.url})` : ''}`,
      `  API:      ${platform.publicUrl}/api/docs`,
      `  MQTT:     ${platform.app.mqtt.url}${config.mqttUrl ? ' (external broker, shared subscription)' : ''}  (devices: symbiont/v1/{device code}/telemetry)`,
      b.generatedAdminPassword
        ? `  Log in as admin with the generated password ${b.generatedAdminPassword}  (shown once; set SYMBIONT_ADMIN_PASSWORD to choose it)`
        : '  Log in as admin (password: SYMBIONT_ADMIN_PASSWORD, or the one printed at the first start)',
    ];
    if (!config.publicUrl && ['0.0.0.0', '::'].includes(config.host)) {
      // Identifiers' URLs and QR labels carry this address: a guess from the machine's interfaces.
      lines.push(`  Identifiers and labels point at ${platform.publicUrl}; if the plant reaches this machine by another name or address, give it with --public-url`);
    }
    if (config.demo) {
      lines.push('  Demo users (password symbiont-demo): regulator, operator, chloralkali.admin, chloralkali.operator, chloralkali.viewer, … (see README)');
    }
    lines.push('');
    process.stdout.write(lines.join('\n') + '\n');
    let simulator: { devices: number; stop(): Promise<void> } | undefined;
    if (config.demo && config.simulator) {
      const { startSimulator } = await import('../demo/simulator.ts');
      simulator = await startSimulator({
        services: platform.services,
        mqttUrl: platform.mqttUrl,
        dataDir: config.dataDir,
        progress: progressBar('Backfilling a week of demo readings'),
        log: (m) => platform.app.log.warn(m),
      });
      process.stdout.write(`  Simulator: ${simulator.devices} demo devices publish over MQTT every 5 s (--no-simulator turns it off)\n`);
    }
    const stop = async () => {
      await simulator?.stop();
      await platform.close();
      process.exit(0);
    };
    // A signal handler cannot be awaited: a failure to shut down cleanly is reported and still exits.
    const onSignal = () => {
      void stop().catch((err: unknown) => {
        process.stderr.write(`symbiont: shutting down failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

storeOptions(program.command('migrate').description('apply the database migrations and exit')).action(async (_o, cmd: Command) => {
  const config = loadConfig(given(cmd));
  if (config.db.startsWith('postgres')) {
    const { ensurePostgresDatabase } = await import('./adapters/db/index.ts');
    await ensurePostgresDatabase(config.db);
  }
  const { openServices } = await platformCode();
  const services = await openServices(config);
  await services.close();
  process.stdout.write(`Migrated ${services.handle.location} to the latest schema\n`);
});

storeOptions(program.command('demo').description('load the demo park into the store and exit')).action(async (_o, cmd: Command) => {
  await withServices(cmd, async (s) => {
    const { loadDemo } = await import('../demo/load.ts');
    const bar = progressBar('Loading the demo park');
    const r = await loadDemo(s, undefined, bar.update);
    bar.done(r.loaded ? `${r.enterprises} enterprises, ${r.devices} devices, ${r.tags} tags, ${r.users} users` : 'already loaded');
  });
});

/** The value of an option that takes one of a fixed list, typed as that list's member. */
function oneOf<const T extends readonly string[]>(value: string, choices: T, flag: string): T[number] {
  const found = choices.find((c) => c === value);
  if (found === undefined) throw new ConfigError(`${flag} must be one of ${choices.join(', ')}`);
  return found;
}

const user = program.command('user').description('manage users');
storeOptions(user.command('add <username>').description('create a user'))
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .option('--enterprise <code>', 'the enterprise (for enterprise roles)')
  .option('--display-name <name>', 'the name shown in the console')
  .option('--password <password>', 'the password (generated and printed when absent)')
  .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
  .action(async (username: string, o: { role: string; enterprise?: string; displayName?: string; password?: string; locale: string }, cmd: Command) => {
    const role = oneOf(o.role, ROLES, '--role');
    const locale = oneOf(o.locale, LOCALES, '--locale');
    await withServices(cmd, async (s) => {
      const ctx = systemContext('cli');
      let enterpriseId: number | null = null;
      if (o.enterprise) {
        const found = await s.registry.enterprises.list(ctx, { limit: 1000, offset: 0 });
        const e = found.items.find((x) => x.code === o.enterprise);
        if (!e) throw new ConfigError(`there is no enterprise with the code "${o.enterprise}"`);
        enterpriseId = e.id;
      }
      const password = o.password ?? (await import('./modules/auth/secrets.ts')).generatePassword();
      const u = await s.auth.users.createWithPassword(ctx, { username, displayName: o.displayName ?? username, role, enterpriseId, locale, password });
      process.stdout.write(`Created user ${u.username} (${u.role}${o.enterprise ? `, ${o.enterprise}` : ''})${o.password ? '' : ` with the password ${password}`}\n`);
    });
  });
storeOptions(user.command('list').description('list users')).action(async (_o, cmd: Command) => {
  await withServices(cmd, async (s) => {
    const ctx = systemContext('cli');
    const [users, ents] = await Promise.all([s.auth.users.list(ctx, { limit: 10_000, offset: 0, sort: 'id' }), s.registry.enterprises.list(ctx, { limit: 10_000, offset: 0 })]);
    const code = new Map(ents.items.map((e) => [e.id, String(e.code)]));
    const rows = users.items.map((u) => [String(u.username), String(u.role), u.enterpriseId ? (code.get(Number(u.enterpriseId)) ?? '') : '(park)', u.disabled ? 'disabled' : 'active']);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...[['USERNAME', 'ROLE', 'ENTERPRISE', 'STATUS'][i], ...rows.map((r) => r[i])].map((x) => x.length)));
    for (const r of [['USERNAME', 'ROLE', 'ENTERPRISE', 'STATUS'], ...rows]) process.stdout.write(r.map((c, i) => c.padEnd(widths[i])).join('  ') + '\n');
  });
});
for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
  storeOptions(user.command(`${name} <username>`).description(`${name} a user`)).action(async (username: string, _o, cmd: Command) => {
    await withServices(cmd, async (s) => {
      const ctx = systemContext('cli');
      const found = await s.auth.users.list(ctx, { limit: 1, offset: 0, q: username });
      const u = found.items.find((x) => x.username === username);
      if (!u) throw new ConfigError(`there is no user "${username}"`);
      await s.auth.users.updateWithPassword(ctx, u.id, { disabled });
      process.stdout.write(`${username} is ${disabled ? 'disabled; their sessions have ended' : 'enabled'}\n`);
    });
  });
}

const imports = program.command('import').description('bulk data');
storeOptions(imports.command('telemetry <file>').description('backfill readings from a CSV file with the columns device,tag,ts,value')).action(
  async (file: string, _o, cmd: Command) => {
    if (!fs.existsSync(file)) throw new ConfigError(`there is no file ${file}`);
    await withServices(cmd, async (s) => {
      const { importCsv } = await import('./modules/telemetry/csv-import.ts');
      const bar = progressBar(`Importing ${path.basename(file)}`);
      const r = await importCsv(s.telemetry, file, (done, total) => bar.update(Math.round(done / 1024), Math.round(total / 1024)));
      bar.done(`${r.stored.toLocaleString('en')} readings stored, ${r.rejected} rows refused`);
      for (const p of r.problems) process.stderr.write(`  ${p}\n`);
      if (r.rejected > r.problems.length) process.stderr.write(`  … and ${r.rejected - r.problems.length} more\n`);
      if (r.rejected) process.exitCode = 1;
    });
  },
);

storeOptions(imports.command('flows <file>').description('import ledger flows from a CSV file with the columns period,from,to,material,quantity,unit,sd,basis; a file with any rejected row imports nothing'))
  .option('--as <username>', "act as this user (their enterprise and role); default: the park's administrator")
  .action(async (file: string, o: { as?: string }, cmd: Command) => {
    if (!fs.existsSync(file)) throw new ConfigError(`there is no file ${file}`);
    await withServices(cmd, async (s) => {
      let ctx = systemContext('cli');
      if (o.as) {
        const found = await s.auth.users.list(ctx, { limit: 50, offset: 0, q: o.as });
        const u = found.items.find((x) => x.username === o.as);
        if (!u) throw new ConfigError(`there is no user "${o.as}"`);
        if (u.disabled) throw new ConfigError(`the user "${o.as}" is disabled`);
        ctx = { userId: u.id, username: String(u.username), role: u.role, enterpriseId: u.enterpriseId ?? null, via: 'system' };
      }
      const { FlowImportService } = await import('./modules/flows/import-service.ts');
      const bar = progressBar(`Importing ${path.basename(file)}`);
      const { finished } = await new FlowImportService(s.handle, s.flows).start(ctx, path.basename(file), fs.createReadStream(file), bar.update);
      const job = await finished;
      bar.done(job.state === 'done' ? `${job.accepted.toLocaleString('en')} flows imported` : `${job.rejected} of ${job.totalRows} rows rejected; nothing was imported`);
      for (const e of job.errors) process.stderr.write(`  row ${e.row}: ${e.reason}\n`);
      if (job.rejected > job.errors.length) process.stderr.write(`  … and ${job.rejected - job.errors.length} more\n`);
      if (job.state !== 'done') process.exitCode = 1;
    });
  });

const audit = program.command('audit').description('the audit log');
storeOptions(audit.command('verify').description("verify every chain (each enterprise's, the park's) and name the first broken link of each")).action(
  async (_o, cmd: Command) => {
    const { describeChain } = await import('./core/audit/model.ts');
    const chainName = (chain: number) => {
      const { kind, enterpriseId } = describeChain(chain);
      return kind === 'enterprise' ? `the chain of enterprise ${enterpriseId}` : kind === 'park' ? "the park's chain" : 'the legacy chain (written before migration 012)';
    };
    await withServices(cmd, async (s) => {
      const bar = process.stderr.isTTY ? (n: number) => process.stderr.write(`\rchecked ${n} records`) : undefined;
      const r = await s.audit.verify(bar);
      if (bar) process.stderr.write('\r\x1b[K');
      let broken = 0;
      for (const { chain, checked, firstBroken } of r.chains) {
        if (!firstBroken) continue;
        broken++;
        process.stdout.write(`BROKEN at record ${firstBroken.seq} in ${chainName(chain)}: ${firstBroken.reason} (${checked} records of that chain before it are intact)\n`);
      }
      if (broken) {
        process.stdout.write(`${r.chains.length - broken} of ${r.chains.length} chains intact; ${r.checked} records checked\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`OK: ${r.checked} records in ${r.chains.length} chains, every chain is intact\n`);
      }
    });
  },
);

/** Builds the console on the first start of a fresh clone, so that `npm start` is all it takes. */
function ensureConsoleBuilt(webDir: string): void {
  if (fs.existsSync(path.join(webDir, 'index.html'))) return;
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, 'web', 'vite.config.ts'))) return;
  // Vite builds into web/dist: a console configured elsewhere (SYMBIONT_WEB_DIR) is not ours to build,
  // and building would replace the assets another process may be serving.
  if (path.resolve(webDir) !== path.join(root, 'web', 'dist')) return;
  process.stdout.write('Building the console (first start only)…\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.stderr.write('The console did not build; the API still runs. Run `npm run build:web` to see why.\n');
}

// `symbiont user list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof Problem) {
    process.stderr.write(`symbiont: ${err.message}\n`);
    process.exit(2);
  }
  const e = err as NodeJS.ErrnoException;
  if (err instanceof Error && err.name === 'MqttPortInUseError') {
    process.stderr.write(`symbiont: ${err.message}\n`);
    process.exit(2);
  }
  if (e?.code === 'EADDRINUSE') {
    process.stderr.write(`symbiont: the port is already in use (${e.message}); choose another with --port\n`);
    process.exit(2);
  }
  if (e?.code === 'ECONNREFUSED') {
    process.stderr.write(`symbiont: cannot reach the database (${e.message}); check --db\n`);
    process.exit(2);
  }
  process.stderr.write(`symbiont: ${e?.stack ?? String(err)}\n`);
  process.exit(1);
});
