/**
 * An OPC UA connector's configuration, described once as a JSON schema (TypeBox): the API validates
 * request bodies with it, the OpenAPI document shows it field by field, and its static type is the
 * connector's configuration type. Only what a schema cannot say is checked in code
 * (`mappingProblems`: a node or a tag mapped twice).
 */
import Type, { type Static, type TUnsafe } from 'typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FieldError } from '../../core/errors.ts';
import { toFieldErrors } from '../../core/http.ts';
import { TAG_KEY_PATTERN } from '../../modules/registry/model.ts';

export const SECURITY_MODES = ['None', 'Sign', 'SignAndEncrypt'] as const;
export const SECURITY_POLICIES = ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'] as const;
const SIGNED_MODES = ['Sign', 'SignAndEncrypt'] as const;
const SIGNED_POLICIES = ['Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'] as const;

export const MIN_SAMPLING_INTERVAL_MS = 50;
export const MAX_SAMPLING_INTERVAL_MS = 3_600_000;
export const MAX_MAPPINGS = 10_000;

/** One value out of a list, spelled `{type: string, enum}` so a wrong value is one error, not one per choice. */
function oneOfStrings<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

// The ranges of the URL's port (1-65535), a NodeId's namespace index (0-65535, up to 5 digits) and
// numeric identifier (0-4294967295, up to 10 digits), as regular expressions: the schema says all of it.
const PORT = '(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})';
const NAMESPACE = '(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[0-5]?[0-9]{1,4})';
const UINT32 =
  '(?:429496729[0-5]|42949672[0-8][0-9]|4294967[01][0-9]{2}|429496[0-6][0-9]{3}|42949[0-5][0-9]{4}|4294[0-8][0-9]{5}|429[0-3][0-9]{6}|42[0-8][0-9]{7}|4[01][0-9]{8}|[0-3]?[0-9]{1,9})';
const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const BASE64 = '(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)';

/** opc.tcp://host[:port][/path]: a host name or a bracketed IPv6 address, no credentials, no spaces. */
export const ENDPOINT_PATTERN = `^opc\\.tcp://(?:[A-Za-z0-9._~%!$&'()*+,;=-]+|\\[[0-9A-Fa-f:.]+\\])(?::${PORT})?(?:[/?#]\\S*)?$`;
/** A NodeId in the OPC UA string form: `[ns=<0..65535>;]` then `i=<uint32>`, `s=<name>`, `g=<guid>` or `b=<base64>`. */
export const NODE_ID_PATTERN = `^(?:ns=${NAMESPACE};)?(?:i=${UINT32}|s=[\\s\\S]{0,4095}\\S|g=${GUID}|b=${BASE64})$`;

export const ENDPOINT_MESSAGE = 'must be an OPC UA endpoint: opc.tcp://host[:port][/path], port 1-65535, without spaces or credentials (use username and password)';
export const NODE_ID_MESSAGE =
  'is not a valid NodeId (expected e.g. "ns=2;s=Boiler1.SteamFlow" or "ns=3;i=1001": namespace 0-65535, i= 0-4294967295, s= a name of at most 4096 characters, g= a GUID, b= base64)';
export const TAG_KEY_MESSAGE = `must match ${TAG_KEY_PATTERN} (lower case, digits, _)`;

export const opcUaMappingSchema = Type.Object(
  {
    nodeId: Type.String({ pattern: NODE_ID_PATTERN, description: 'the OPC UA variable, e.g. ns=2;s=Boiler1.SteamFlow; each node is mapped once' }),
    tagKey: Type.String({ pattern: TAG_KEY_PATTERN, description: "the key of one of the device's tags, e.g. steam_flow; each tag is mapped once" }),
  },
  { additionalProperties: false },
);
export type OpcUaMapping = Static<typeof opcUaMappingSchema>;

/** Every field with its own bounds; the unions below tie fields together. */
const fields = Type.Object(
  {
    endpoint: Type.String({ maxLength: 2048, pattern: ENDPOINT_PATTERN, description: 'opc.tcp://host:port/path of the server' }),
    securityMode: oneOfStrings(SECURITY_MODES),
    securityPolicy: oneOfStrings(SECURITY_POLICIES),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    password: Type.Optional(Type.String({ maxLength: 1024, description: 'stored, never returned' })),
    samplingIntervalMs: Type.Integer({
      minimum: MIN_SAMPLING_INTERVAL_MS,
      maximum: MAX_SAMPLING_INTERVAL_MS,
      description: "the monitored items' sampling interval and the subscription's publishing interval, in ms",
    }),
    mappings: Type.Array(opcUaMappingSchema, { minItems: 1, maxItems: MAX_MAPPINGS, description: 'the variables read, each to one tag of the device' }),
  },
  { additionalProperties: false },
);

/** Security mode and policy go together: both None, or a signing mode with a real policy. */
export const opcUaSecuritySchema = Type.Union([
  Type.Object({ securityMode: Type.Literal('None'), securityPolicy: Type.Literal('None') }, { title: 'No security' }),
  Type.Object({ securityMode: oneOfStrings(SIGNED_MODES), securityPolicy: oneOfStrings(SIGNED_POLICIES) }, { title: 'Signed, or signed and encrypted' }),
]);

/** Anonymous, or a user name with its password. */
export const opcUaAuthenticationSchema = Type.Union([
  Type.Object({ username: Type.Optional(Type.Never()), password: Type.Optional(Type.Never()) }, { title: 'Anonymous' }),
  Type.Object({ username: Type.String(), password: Type.String() }, { title: 'User name and password' }),
]);

/** Where the unions sit in the schema (`allOf/<n>`), for turning their errors into field errors. */
export const SECURITY_AT = 1;
export const AUTHENTICATION_AT = 2;
export const opcUaConfigSchema = Type.Intersect([fields, opcUaSecuritySchema, opcUaAuthenticationSchema], {
  description: 'An OPC UA server and the variables read from it',
});
export type OpcUaConnectorConfig = Static<typeof opcUaConfigSchema>;

/** The checks a schema cannot express: no node and no tag mapped twice. Paths are relative to the config. */
export function mappingProblems(mappings: readonly OpcUaMapping[]): FieldError[] {
  const errors: FieldError[] = [];
  const nodeIds = new Map<string, number>();
  const tagKeys = new Map<string, number>();
  mappings.forEach((m, i) => {
    const seenNode = nodeIds.get(m.nodeId);
    if (seenNode !== undefined) errors.push({ path: `/mappings/${i}/nodeId`, message: `is already mapped by /mappings/${seenNode}` });
    else nodeIds.set(m.nodeId, i);
    const seenTag = tagKeys.get(m.tagKey);
    if (seenTag !== undefined) errors.push({ path: `/mappings/${i}/tagKey`, message: `is already used by /mappings/${seenTag}` });
    else tagKeys.set(m.tagKey, i);
  });
  return errors;
}

/** A validation error as Ajv (and TypeBox) report one. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * The validator's errors about a config (at `instance` in the data, `schema` in the schema: e.g.
 * `/config` and `#/properties/config`) as field errors a person can act on: a pattern names what it
 * wants instead of quoting the expression, and a failed union is one error at the field to change,
 * not one per branch. Paths are relative to the config; `rest` are the errors left for the caller.
 */
export function configErrors<E extends SchemaError>(errors: readonly E[], at: { instance: string; schema: string }): { fields: FieldError[]; rest: E[] } {
  const union = (n: number) => `${at.schema}/allOf/${n}/`;
  const fields: FieldError[] = [];
  const rest: E[] = [];
  const fieldOf = (e: E) => e.instancePath.slice(at.instance.length);
  const own = errors.filter((e) => e.instancePath === at.instance || e.instancePath.startsWith(`${at.instance}/`));
  // A mode or policy that is missing or no mode or policy at all is reported as that; the pairing only when both are valid.
  const badSecurityField = own.some((e) => !`${e.schemaPath}/`.startsWith(union(SECURITY_AT)) && ['', '/securityMode', '/securityPolicy'].includes(fieldOf(e)));
  let authFailed = false;
  // Not an object at all: that is the one thing to say.
  const notObject = own.some((e) => fieldOf(e) === '' && e.keyword === 'type');
  for (const e of errors) {
    if (!own.includes(e)) {
      rest.push(e);
      continue;
    }
    const field = fieldOf(e);
    const schemaPath = `${e.schemaPath}/`;
    if (schemaPath.startsWith(union(SECURITY_AT)) || schemaPath.startsWith(union(AUTHENTICATION_AT))) {
      if (notObject) continue;
    }
    if (schemaPath.startsWith(union(SECURITY_AT))) {
      if (e.keyword === 'anyOf' && !badSecurityField) {
        // The "None" branch (anyOf/0) objects to the mode unless the mode is None.
        const modeIsNone = !own.some((x) => fieldOf(x) === '/securityMode' && x.schemaPath.startsWith(`${union(SECURITY_AT)}anyOf/0/`));
        fields.push({ path: '/securityPolicy', message: modeIsNone ? 'must be None when securityMode is None' : 'must not be None when securityMode is Sign or SignAndEncrypt' });
      }
    } else if (schemaPath.startsWith(union(AUTHENTICATION_AT))) {
      // Ajv names one missing property, TypeBox lists them.
      const missing = e.keyword === 'required' ? [e.params.missingProperty, ...(Array.isArray(e.params.requiredProperties) ? e.params.requiredProperties : [])] : [];
      if (missing.includes('password')) fields.push({ path: '/password', message: 'is required with username' });
      if (missing.includes('username')) fields.push({ path: '/password', message: 'needs a username' });
      if (e.keyword === 'anyOf') authFailed = true;
    } else if (e.keyword === 'pattern' && field === '/endpoint') fields.push({ path: field, message: ENDPOINT_MESSAGE });
    else if (e.keyword === 'pattern' && /^\/mappings\/\d+\/nodeId$/.test(field)) fields.push({ path: field, message: NODE_ID_MESSAGE });
    else if (e.keyword === 'pattern' && /^\/mappings\/\d+\/tagKey$/.test(field)) fields.push({ path: field, message: TAG_KEY_MESSAGE });
    else rest.push(e);
  }
  if (authFailed && !fields.some((f) => f.path === '/password')) fields.push({ path: '/password', message: 'goes with a username: give both or neither' });
  return { fields, rest };
}

// Ajv as the API's body validator is set up (src/core/http.ts), so a config built in code is judged
// and reported exactly as one sent to the API.
let validate: ValidateFunction<OpcUaConnectorConfig> | undefined;

/** Checks a configuration that did not come through the API's validation (e.g. one built in code); every bad field gets its JSON pointer. */
export function checkOpcUaConfig(c: unknown): { ok: true; config: OpcUaConnectorConfig } | { ok: false; errors: FieldError[] } {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile<OpcUaConnectorConfig>(opcUaConfigSchema);
  if (validate(c)) {
    const twice = mappingProblems(c.mappings);
    return twice.length ? { ok: false, errors: twice } : { ok: true, config: c };
  }
  const { fields, rest } = configErrors(validate.errors ?? [], { instance: '', schema: '#' });
  return { ok: false, errors: [...fields, ...toFieldErrors('config', rest).map((e) => ({ path: e.path.slice('/config'.length), message: e.message }))] };
}
