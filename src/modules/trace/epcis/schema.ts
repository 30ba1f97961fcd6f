/**
 * JSON Schema (draft-07, as compiled by ajv 8) for GS1 EPCIS 2.0 documents in the JSON / JSON-LD binding.
 *
 * Written for Symbiont from the EPCIS 2.0 standard (§7 abstract data model, §8 core event types,
 * §9 / JSON-LD binding) and CBV 2.0; it is NOT derived from GS1's published schema files.
 *
 * Design:
 *  - every event type has its own closed object schema (additionalProperties: false); the only extra keys
 *    accepted are user extensions with a namespace prefix (`example:myField`, `rdfs:comment`, or a full IRI)
 *    and JSON-LD keywords (`@context`, `@id`, `@type`);
 *  - the event list is discriminated on `type` (ajv `discriminator`), so an event of one type is only checked
 *    against that type's schema and errors stay readable;
 *  - rules the schema cannot express (times that are real dates, aggregation parent rules, quantity > 0,
 *    UN/CEFACT Rec 20 unit codes, …) live in validate.ts.
 */

/**
 * A key with a namespace prefix (`prefix:local`) or a full IRI: the JSON-LD form of a user extension. The
 * prefix must be a URI scheme (GS1's schema requires extension keys to be URIs); validate.ts also checks the
 * whole key is a URI (`isUri`).
 */
export const EXTENSION_KEY_PATTERN = '^(?:[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+)$';

/** RFC 3339 date-time with a mandatory time zone designator (Z or ±hh:mm). */
export const DATE_TIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|z|[+-]\\d{2}:\\d{2})$';

/** EPCIS eventTimeZoneOffset: ±hh:mm, between -14:00 and +14:00. */
export const TIME_ZONE_OFFSET_PATTERN = '^[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00)$';

/** An absolute URI (scheme ':' rest), e.g. an EPC URN, a GS1 Digital Link URI, an ni:/// hash ID. */
export const ABSOLUTE_URI_PATTERN = '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$';

type Schema = Record<string, unknown>;

/**
 * A closed object: its own properties plus user extensions (namespaced keys). GS1's schema allows no JSON-LD
 * keywords inside event structures (only `@context` on the event itself), so neither do we.
 */
function closed(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return {
    type: 'object',
    properties,
    patternProperties: { [EXTENSION_KEY_PATTERN]: {} },
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    ...extra,
  };
}

/** A closed object without extensions (GS1: quantityElement, bizTransaction, source, destination, persistentDisposition). */
function sealed(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}), ...extra };
}

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

/** Fields every EPCIS 2.0 event carries (EPCIS 2.0 §7.4.1 EPCISEvent). */
const commonEventFields: Schema = {
  '@context': ref('context'),
  eventTime: ref('dateTime'),
  eventTimeZoneOffset: ref('timeZoneOffset'),
  recordTime: ref('dateTime'),
  eventID: ref('uri'),
  errorDeclaration: ref('errorDeclaration'),
  certificationInfo: {
    anyOf: [ref('uri'), { type: 'array', items: ref('uri') }],
  },
  readPoint: ref('location'),
  bizLocation: ref('location'),
  bizStep: { type: 'string', format: 'cbv-bizStep' },
  disposition: ref('disposition'),
  persistentDisposition: ref('persistentDisposition'),
  bizTransactionList: { type: 'array', items: ref('bizTransaction') },
  sourceList: { type: 'array', items: ref('source') },
  destinationList: { type: 'array', items: ref('destination') },
  sensorElementList: { type: 'array', items: ref('sensorElement') },
};

const commonRequired = ['type', 'eventTime', 'eventTimeZoneOffset'];

const eventSchemas: Record<string, Schema> = {
  ObjectEvent: closed(
    {
      type: { const: 'ObjectEvent' },
      ...commonEventFields,
      action: ref('action'),
      epcList: ref('epcList'),
      quantityList: ref('quantityList'),
      ilmd: ref('ilmd'),
    },
    [...commonRequired, 'action'],
  ),
  AggregationEvent: closed(
    {
      type: { const: 'AggregationEvent' },
      ...commonEventFields,
      action: ref('action'),
      parentID: ref('uri'),
      childEPCs: ref('epcList'),
      childQuantityList: ref('quantityList'),
    },
    [...commonRequired, 'action'],
  ),
  TransactionEvent: closed(
    {
      type: { const: 'TransactionEvent' },
      ...commonEventFields,
      action: ref('action'),
      parentID: ref('uri'),
      epcList: ref('epcList'),
      quantityList: ref('quantityList'),
      bizTransactionList: { type: 'array', items: ref('bizTransaction'), minItems: 1 },
    },
    [...commonRequired, 'action', 'bizTransactionList'],
  ),
  TransformationEvent: closed(
    {
      type: { const: 'TransformationEvent' },
      ...commonEventFields,
      inputEPCList: ref('epcList'),
      inputQuantityList: ref('quantityList'),
      outputEPCList: ref('epcList'),
      outputQuantityList: ref('quantityList'),
      transformationID: ref('uri'),
      ilmd: ref('ilmd'),
    },
    commonRequired,
  ),
  AssociationEvent: closed(
    {
      type: { const: 'AssociationEvent' },
      ...commonEventFields,
      action: ref('action'),
      parentID: ref('uri'),
      childEPCs: ref('epcList'),
      childQuantityList: ref('quantityList'),
    },
    [...commonRequired, 'action', 'parentID'],
  ),
};

export const EVENT_TYPES = Object.keys(eventSchemas) as readonly string[];

const definitions: Schema = {
  context: {
    description: 'JSON-LD @context: an IRI, a context object (prefix → IRI) or an array of both',
    anyOf: [
      { type: 'string', format: 'uri' },
      { type: 'object' },
      { type: 'array', uniqueItems: true, items: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'object' }] } },
    ],
  },
  uri: { type: 'string', pattern: ABSOLUTE_URI_PATTERN, format: 'uri' },
  dateTime: { type: 'string', pattern: DATE_TIME_PATTERN },
  timeZoneOffset: { type: 'string', pattern: TIME_ZONE_OFFSET_PATTERN },
  /**
   * CBV values (formats registered in validate.ts): a term of the CBV 2.0 code list (`receiving`), or a URI that is
   * not a CBV URN / ns.gs1.org CBV URI (the JSON binding writes standard values as bare terms), as GS1's schema.
   */
  disposition: { type: 'string', format: 'cbv-disposition' },
  action: { enum: ['ADD', 'OBSERVE', 'DELETE'] },
  epcList: { type: 'array', items: ref('uri') },
  quantityElement: sealed(
    {
      epcClass: ref('uri'),
      quantity: { type: 'number' },
      uom: { type: 'string', pattern: '^[A-Z0-9]{2,3}$' },
    },
    ['epcClass'],
  ),
  quantityList: { type: 'array', items: ref('quantityElement') },
  location: closed({ id: ref('uri') }, ['id']),
  persistentDisposition: sealed(
    {
      set: { type: 'array', items: ref('disposition'), minItems: 1, uniqueItems: true },
      unset: { type: 'array', items: ref('disposition'), minItems: 1, uniqueItems: true },
    },
    [],
    { minProperties: 1 },
  ),
  bizTransaction: sealed({ type: { type: 'string', format: 'cbv-btt' }, bizTransaction: ref('uri') }, ['bizTransaction']),
  source: sealed({ type: { type: 'string', format: 'cbv-sdt' }, source: ref('uri') }, ['type', 'source']),
  destination: sealed({ type: { type: 'string', format: 'cbv-sdt' }, destination: ref('uri') }, ['type', 'destination']),
  errorDeclaration: closed(
    {
      declarationTime: ref('dateTime'),
      reason: { type: 'string', format: 'cbv-er' },
      correctiveEventIDs: { type: 'array', items: ref('uri') },
    },
    ['declarationTime'],
  ),
  sensorMetadata: closed({
    time: ref('dateTime'),
    startTime: ref('dateTime'),
    endTime: ref('dateTime'),
    deviceID: ref('uri'),
    deviceMetadata: ref('uri'),
    rawData: ref('uri'),
    dataProcessingMethod: ref('uri'),
    bizRules: ref('uri'),
  }),
  sensorReport: closed({
    type: { type: 'string', format: 'gs1-measurementType' },
    exception: { type: 'string', format: 'gs1-sensorAlertType' },
    deviceID: ref('uri'),
    deviceMetadata: ref('uri'),
    rawData: ref('uri'),
    dataProcessingMethod: ref('uri'),
    // not in the EPCIS 2.0 UML for SensorReport, but accepted by GS1's JSON binding schema and used in its examples
    bizRules: ref('uri'),
    time: ref('dateTime'),
    microorganism: ref('uri'),
    chemicalSubstance: ref('uri'),
    value: { type: 'number' },
    component: { type: 'string', format: 'cbv-component' },
    stringValue: { type: 'string' },
    booleanValue: { type: 'boolean' },
    hexBinaryValue: { type: 'string', pattern: '^(?:[0-9A-Fa-f]{2})+$' },
    uriValue: ref('uri'),
    minValue: { type: 'number' },
    maxValue: { type: 'number' },
    meanValue: { type: 'number' },
    sDev: { type: 'number' },
    percRank: { type: 'number' },
    percValue: { type: 'number' },
    uom: { type: 'string' },
    coordinateReferenceSystem: ref('uri'),
  }),
  sensorElement: closed(
    {
      sensorMetadata: ref('sensorMetadata'),
      sensorReport: { type: 'array', items: ref('sensorReport'), minItems: 1 },
    },
    ['sensorReport'],
  ),
  ilmd: {
    type: 'object',
    description: 'Instance/lot master data: open content whose keys are URIs (CBV master-data attributes or user extensions)',
    propertyNames: { format: 'uri' },
  },
  vocabularyElement: {
    type: 'object',
    required: ['id'],
    properties: {
      id: ref('uri'),
      attributes: {
        type: 'array',
        items: { type: 'object', required: ['id'], properties: { id: ref('uri'), attribute: { type: ['number', 'string', 'object'] } } },
      },
      children: { type: 'array', items: ref('uri') },
    },
  },
  epcisHeader: closed({
    epcisMasterData: {
      type: 'object',
      properties: {
        vocabularyList: {
          type: 'array',
          items: { type: 'object', required: ['type'], properties: { type: ref('uri'), vocabularyElementList: { type: 'array', items: ref('vocabularyElement') } } },
        },
      },
    },
  }),
  ...eventSchemas,
  event: {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: [...Object.keys(eventSchemas)] } },
    discriminator: { propertyName: 'type' },
    oneOf: Object.keys(eventSchemas).map((t) => ref(t)),
  },
};

/** One EPCIS event (capture of a single event). */
export const epcisEventSchema: Schema = {
  $id: 'https://symbiont.dev/schemas/epcis/2.0/event.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions,
  // GS1: an event sent on its own carries its JSON-LD @context
  allOf: [{ type: 'object', required: ['@context'] }, ref('event')],
};

/** A bare JSON array of events (capture of an event list). */
export const epcisEventListSchema: Schema = {
  $id: 'https://symbiont.dev/schemas/epcis/2.0/event-list.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions,
  type: 'array',
  items: ref('event'),
};

/** An EPCISDocument (EPCIS 2.0 §9.3 / JSON-LD binding), the unit of capture. */
export const epcisDocumentSchema: Schema = {
  $id: 'https://symbiont.dev/schemas/epcis/2.0/document.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions,
  type: 'object',
  required: ['@context', 'type', 'schemaVersion', 'creationDate', 'epcisBody'],
  properties: {
    '@context': ref('context'),
    id: ref('uri'),
    type: { const: 'EPCISDocument' },
    schemaVersion: { type: 'string', pattern: '^2\\.\\d+$' },
    creationDate: ref('dateTime'),
    sender: { type: 'string' },
    receiver: { type: 'string' },
    instanceIdentifier: { type: 'string' },
    epcisHeader: ref('epcisHeader'),
    epcisBody: {
      type: 'object',
      required: ['eventList'],
      properties: { eventList: { type: 'array', items: ref('event') } },
      additionalProperties: false,
    },
  },
  patternProperties: { [EXTENSION_KEY_PATTERN]: {} },
  additionalProperties: false,
};
