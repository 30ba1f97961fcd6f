/**
 * Errors as RFC 9457 problem details. Every failure the platform reports to a client is one of
 * these, with a stable `type` that clients can switch on and a human `detail`.
 */
export const PROBLEM_BASE = 'https://symbiont.dev/problems/';

export type ProblemKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'rate-limited'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'internal';

const STATUS: Record<ProblemKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  unprocessable: 422,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
};

const TITLE: Record<ProblemKind, string> = {
  validation: 'Request validation failed',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict',
  unprocessable: 'Unprocessable content',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  internal: 'Internal error',
};

export interface FieldError {
  /** JSON pointer into the request, e.g. `/body/code`. */
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  instance?: string;
}

/**
 * What a problem says beyond its kind: a more specific `type` (appended to PROBLEM_BASE, e.g.
 * `flows-contradiction`) and title, and RFC 9457 extension members (`flows`, `nodes`, …) that a
 * client reads without parsing `detail`. A route that answers such a problem describes it with a
 * response schema of its own (the shared `problem` schema would drop the members).
 */
export interface ProblemExtension {
  type: string;
  title?: string;
  members?: Readonly<Record<string, unknown>>;
}

export class Problem extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly extension?: ProblemExtension;

  constructor(kind: ProblemKind, detail: string, errors?: FieldError[], extension?: ProblemExtension) {
    super(detail);
    this.name = 'Problem';
    this.kind = kind;
    this.status = STATUS[kind];
    this.errors = errors;
    this.extension = extension;
  }

  toBody(instance?: string): ProblemBody {
    const body: ProblemBody = {
      type: PROBLEM_BASE + (this.extension?.type ?? this.kind),
      title: this.extension?.title ?? TITLE[this.kind],
      status: this.status,
      detail: this.message,
    };
    if (this.errors?.length) body.errors = this.errors;
    if (instance) body.instance = instance;
    // Members never override the standard ones.
    return this.extension?.members ? { ...this.extension.members, ...body } : body;
  }
}

export const validation = (detail: string, errors?: FieldError[]) => new Problem('validation', detail, errors);
export const fieldError = (path: string, message: string) =>
  new Problem('validation', `${path}: ${message}`, [{ path, message }]);
export const notFound = (what: string) => new Problem('not-found', `${what} was not found`);
export const forbidden = (detail: string) => new Problem('forbidden', detail);
export const unauthorized = (detail = 'Log in or send a bearer token') => new Problem('unauthorized', detail);
export const conflict = (detail: string) => new Problem('conflict', detail);
export const unprocessable = (detail: string, extension?: ProblemExtension) => new Problem('unprocessable', detail, undefined, extension);
