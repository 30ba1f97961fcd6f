/**
 * The API client: a fetch wrapper that sends the session (cookie and, once logged in, the bearer
 * token kept in memory), turns problem+json answers into ApiError, and reports a lost session.
 */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answer of the API (RFC 9457 problem details). */
export class ApiError extends Error {
  readonly status: number;
  /** The short problem type: validation, unauthorized, forbidden, not-found, conflict, … */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, body: { type?: string; title?: string; detail?: string; errors?: FieldProblem[] } | null, fallback: string) {
    const detail = body?.detail || body?.title || fallback;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.type = shortType(body?.type, status);
    this.title = body?.title ?? '';
    this.detail = detail;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

const STATUS_TYPES: Record<number, string> = {
  400: 'validation', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict',
  413: 'payload-too-large', 429: 'rate-limited', 500: 'internal',
};

function shortType(type: string | undefined, status: number): string {
  if (type) return type.replace(/^.*\/problems\//, '');
  return STATUS_TYPES[status] ?? 'internal';
}

let token: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export const setToken = (t: string | null) => {
  token = t;
};

/** Called when an authenticated call answers 401: the session has ended. */
export const onUnauthorized = (fn: (() => void) | null) => {
  unauthorizedHandler = fn;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Do not treat a 401 as a lost session (log-in, the first /auth/me). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { type: 'network', detail: (err as Error).message }, 'network error');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body = parseJson(text);
  if (!res.ok) throw failure(res, body, opts.quiet401);
  return body as T;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ApiError of a refused request; a 401 ends the session (unless quiet). */
function failure(res: Response, body: unknown, quiet401?: boolean): ApiError {
  const error = new ApiError(res.status, body as ConstructorParameters<typeof ApiError>[1], `${res.status} ${res.statusText}`);
  if (res.status === 401 && !quiet401) {
    token = null;
    unauthorizedHandler?.();
  }
  return error;
}

/** The file name of a Content-Disposition header (filename*= first), if any. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/**
 * Downloads a file from the API with the session (cookie and bearer token) and saves it under the
 * name the API gives (else `fallbackName`), through an object URL. Resolves to the file's name.
 */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<string> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), { headers, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, { type: 'network', detail: (err as Error).message }, 'network error');
  }
  if (!res.ok) throw failure(res, parseJson(await res.text()));
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled; a moment later the URL may go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

type ProblemBody = ConstructorParameters<typeof ApiError>[1];

/**
 * Sends a CSV file as it is (`text/csv`), with the session cookie: the JSON client sends JSON only.
 * A refusal throws what `refused` makes of it (an ApiError unless the caller needs more of the body).
 */
export async function postCsv<T>(
  path: string,
  file: File,
  refused: (status: number, body: ProblemBody, fallback: string) => Error = (status, body, fallback) => new ApiError(status, body, fallback),
): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'text/csv' },
    credentials: 'same-origin',
    body: await file.text(),
  }).catch((err: Error) => {
    throw new ApiError(0, { type: 'network', detail: err.message }, 'network error');
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw refused(res.status, body as ProblemBody, `${res.status} ${res.statusText}`);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  del: (path: string) => request<void>(path, { method: 'DELETE' }),
};

/**
 * Field errors of a validation problem, keyed by form field: `/body/code` → `code`,
 * `/body/sources/lhv` → `sources`. Errors that name no body field are returned under ''.
 */
export function fieldErrors(err: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(err instanceof ApiError)) return out;
  for (const e of err.errors) {
    const m = /^\/body\/([^/]+)/.exec(e.path);
    const key = m ? decodePointer(m[1]) : '';
    out.set(key, [...(out.get(key) ?? []), e.message]);
  }
  return out;
}

const decodePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
