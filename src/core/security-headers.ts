/**
 * Helmet's security headers, computed once. @fastify/helmet builds the helmet middleware anew on
 * every request (parsing the CSP directives each time) through two onRequest hooks, a measurable
 * part of a fast read; the headers depend only on the options (no CSP nonces are used), so they are
 * made once by running helmet against a recording response and set on each reply by one hook.
 * Registered in place of @fastify/helmet, with the same options.
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, as name → value. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as never, res as never, (err?: unknown) => void (failure = err));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

async function securityHeaders(app: FastifyInstance, options: HelmetOptions): Promise<void> {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
// Applies to the whole instance, as @fastify/helmet does (fastify-plugin's marker).
(securityHeaders as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default securityHeaders;
