/**
 * Reachability of the machine's services for tests. A test that needs one runs when it answers and
 * is skipped, saying so, when not; with SYMBIONT_REQUIRE_SERVICES=1 (CI) a missing one fails.
 */
import pg from 'pg';

export const REQUIRE_SERVICES = process.env.SYMBIONT_REQUIRE_SERVICES === '1';
export const POSTGRES_ADMIN_URL = process.env.SYMBIONT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgReachable: Promise<boolean> | undefined;

export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (err) {
      if (REQUIRE_SERVICES) throw new Error(`PostgreSQL is required (SYMBIONT_REQUIRE_SERVICES=1) but ${POSTGRES_ADMIN_URL} did not answer: ${(err as Error).message}`, { cause: err });
      console.warn(`[skip] PostgreSQL at ${POSTGRES_ADMIN_URL} is not reachable: PostgreSQL store tests are skipped`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export const NATS_URL = process.env.SYMBIONT_TEST_NATS ?? 'nats://127.0.0.1:4222';

let natsAnswers: Promise<boolean> | undefined;

/** Whether NATS with JetStream answers at NATS_URL (a stream can be made, so JetStream is on). */
export function natsReachable(): Promise<boolean> {
  natsAnswers ??= (async () => {
    const { connect } = await import('@nats-io/transport-node');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const url = new URL(NATS_URL);
    let nc: Awaited<ReturnType<typeof connect>> | undefined;
    try {
      nc = await connect({ servers: `${url.hostname}:${url.port || 4222}`, timeout: 2000, reconnect: false });
      await (await jetstreamManager(nc)).getAccountInfo();
      return true;
    } catch (err) {
      if (REQUIRE_SERVICES) throw new Error(`NATS with JetStream is required (SYMBIONT_REQUIRE_SERVICES=1) but ${NATS_URL} did not answer: ${(err as Error).message}`, { cause: err });
      console.warn(`[skip] NATS with JetStream at ${NATS_URL} is not reachable: the NATS bus tests are skipped`);
      return false;
    } finally {
      await nc?.close().catch(() => {});
    }
  })();
  return natsAnswers;
}
