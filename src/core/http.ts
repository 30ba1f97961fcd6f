/**
 * HTTP plumbing shared by every module: problem+json errors for everything that goes wrong, the
 * two validators (query strings are coerced, bodies are not), and access to the caller.
 */
import type { FastifyError, FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Problem, unauthorized, type FieldError } from './errors.ts';
import type { AuthContext } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export const problemSchema = {
  $id: 'problem',
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] },
    },
  },
  required: ['type', 'title', 'status', 'detail'],
};

function makeAjv(coerce: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ajv = new (Ajv as any)({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (addFormats as any)(ajv);
  return ajv;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns ajv errors into field errors with a JSON pointer per offending field. */
export function toFieldErrors(part: string, errors: readonly AjvError[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let path = `/${part}${e.instancePath}`;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      path += `/${String(e.params.missingProperty)}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path += `/${String(e.params.additionalProperty)}`;
      message = 'is not a known field';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

/** The one spelling of a whole number in a path: decimal digits, no sign, no leading zero, no exponent. */
const CANONICAL_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

interface IntegerParam {
  name: string;
  minimum: number;
  maximum: number;
}

function integerParams(route: RouteOptions): IntegerParam[] {
  const params = (route.schema?.params ?? undefined) as { properties?: Record<string, { type?: unknown; minimum?: number; maximum?: number }> } | undefined;
  return Object.entries(params?.properties ?? {})
    .filter(([, p]) => p.type === 'integer')
    .map(([name, p]) => ({ name, minimum: p.minimum ?? 0, maximum: p.maximum ?? Number.MAX_SAFE_INTEGER }));
}

/**
 * Holds integer path parameters to their canonical spelling before the coercing validator sees them:
 * it would read `0x1`, `1.0`, `1e0` and ` 1` all as 1, so that one record answered to many URLs. A
 * path that cannot name a record (also 0, or past the largest id) is answered as one that names no
 * record: 404.
 */
function canonicalIntegerParams(route: RouteOptions): void {
  const ints = integerParams(route);
  if (ints.length === 0) return;
  const check = async (req: FastifyRequest) => {
    const raw = req.params as Record<string, string | undefined>;
    for (const p of ints) {
      const v = raw[p.name];
      if (v === undefined) continue;
      if (!CANONICAL_INTEGER.test(v) || Number(v) < p.minimum || Number(v) > p.maximum) {
        throw new Problem('not-found', `No record ${JSON.stringify(v)}: ${p.name} is written in decimal digits, from ${p.minimum} to ${p.maximum}`);
      }
    }
  };
  route.preValidation = [...[route.preValidation ?? []].flat(), check] as RouteOptions['preValidation'];
}

export function installHttpPlumbing(app: FastifyInstance): void {
  app.addHook('onRoute', canonicalIntegerParams);
  const coercing = makeAjv(true);
  const strict = makeAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  app.setSchemaErrorFormatter((errors, dataVar) => {
    const fields = toFieldErrors(dataVar === 'querystring' ? 'query' : dataVar, errors as unknown as AjvError[]);
    return new Problem('validation', fields.map((f) => `${f.path} ${f.message}`).join('; '), fields);
  });
  app.addSchema(problemSchema);

  app.setErrorHandler((err: FastifyError | Problem, req, reply) => {
    let problem: Problem;
    if (err instanceof Problem) problem = err;
    else if (err.validation) {
      const fields = toFieldErrors(err.validationContext ?? 'body', err.validation as unknown as AjvError[]);
      problem = new Problem('validation', err.message, fields);
    } else if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') problem = new Problem('payload-too-large', err.message);
    else if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') problem = new Problem('unsupported-media-type', err.message);
    else if (err.statusCode === 429) problem = new Problem('rate-limited', err.message);
    else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError)) {
      problem = new Problem('validation', `The body is not valid JSON: ${err.message}`, [{ path: '/body', message: 'is not valid JSON' }]);
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      problem = new Problem('validation', err.message);
    } else {
      req.log.error({ err }, 'unhandled error');
      problem = new Problem('internal', 'Something went wrong on our side; the error has been logged');
    }
    return reply.code(problem.status).type('application/problem+json').send(problem.toBody(req.url));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).type('application/problem+json').send(new Problem('not-found', `No route ${req.method} ${req.url.split('?')[0]}`).toBody());
  });
}
