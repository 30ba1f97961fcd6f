/**
 * What a named query is: a stored SimpleEventQuery (the time bounds and list parameters of the REST
 * binding), its name rule and the per-owner bounds. Pure: the HTTP schema (queries-routes.ts) and
 * the service (subscriptions.ts) both hold input to these rules.
 */
import type { FieldError } from '../../core/errors.ts';
import { QUERY_LIST_PARAMS, type EventQuery } from './service.ts';

export { QUERY_LIST_PARAMS };

export const QUERY_TIME_PARAMS = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'] as const;
/** Query names go into URLs: unreserved characters only. */
export const QUERY_NAME_PATTERN = '^[A-Za-z0-9._~-]{1,100}$';
export const MAX_QUERIES_PER_OWNER = 200;
export const MAX_SUBSCRIPTIONS_PER_OWNER = 100;

type TimeParam = (typeof QUERY_TIME_PARAMS)[number];
type ListParam = (typeof QUERY_LIST_PARAMS)[number];

export type StoredQuery = Pick<EventQuery, TimeParam | ListParam>;

export interface NamedQuery {
  name: string;
  query: StoredQuery;
  createdAt: string;
  createdBy: string;
}

const isTimeParam = (k: string): k is TimeParam => (QUERY_TIME_PARAMS as readonly string[]).includes(k);
const isListParam = (k: string): k is ListParam => (QUERY_LIST_PARAMS as readonly string[]).includes(k);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');
const isDateTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Field errors of a named-query definition (the HTTP schema checks the same; this guards other callers). */
export function checkQueryDefinition(input: { name?: unknown; query?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input.name !== 'string' || !new RegExp(QUERY_NAME_PATTERN).test(input.name)) errors.push({ path: '/body/name', message: 'must be 1–100 letters, digits or . _ ~ -' });
  if (!input.query || typeof input.query !== 'object' || Array.isArray(input.query)) {
    errors.push({ path: '/body/query', message: 'must be an object of SimpleEventQuery parameters' });
    return errors;
  }
  for (const [k, v] of Object.entries(input.query)) {
    const path = `/body/query/${k}`;
    if (isTimeParam(k)) {
      if (!isDateTime(v)) errors.push({ path, message: 'must be an RFC 3339 date-time' });
    } else if (isListParam(k)) {
      if (!isStringList(v)) errors.push({ path, message: 'must be a non-empty list of strings' });
    } else errors.push({ path, message: 'is not a known field' });
  }
  return errors;
}

/**
 * The stored form of a definition: its known parameters in a fixed order, nothing else. Values
 * that do not hold to the rules are dropped (`checkQueryDefinition` reports them first).
 */
export function normaliseQuery(q: Readonly<Record<string, unknown>>): StoredQuery {
  const out: StoredQuery = {};
  for (const k of QUERY_TIME_PARAMS) {
    const v = q[k];
    if (isDateTime(v)) out[k] = v;
  }
  for (const k of QUERY_LIST_PARAMS) {
    const v = q[k];
    if (isStringList(v)) out[k] = v;
  }
  return out;
}

/** A stored definition read back (written by `normaliseQuery`, so only known parameters). */
export function parseStoredQuery(text: string): StoredQuery {
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? normaliseQuery(Object.fromEntries(Object.entries(parsed))) : {};
}
