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

/** A key with a namespace prefix (`prefix:local`) or a full IRI: the JSON-LD form of a user extension. */
export const EXTENSION_KEY_PATTERN = '^(?:[A-Za-z_][A-Za-z0-9_.-]*:[^\\s]+)$';

/** RFC 3339 date-time with a mandatory time zone designator (Z or ±hh:mm). */
export const DATE_TIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|z|[+-]\\d{2}:\\d{2})$';

/** EPCIS eventTimeZoneOffset: ±hh:mm, between -14:00 and +14:00. */
export const TIME_ZONE_OFFSET_PATTERN = '^[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00)$';

/** An absolute URI (scheme ':' rest), e.g. an EPC URN, a GS1 Digital Link URI, an ni:/// hash ID. */
export const ABSOLUTE_URI_PATTERN = '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$';

const JSONLD_KEYS = {
  '@context': { $ref: '#/definitions/context' },
  '@id': { type: 'string' },
  '@type': {},
};

type Schema = Record<string, unknown>;

function closed(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return {
    type: 'object',
    properties: { ...JSONLD_KEYS, ...properties },
    patternProperties: { [EXTENSION_KEY_PATTERN]: {} },
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    ...extra,
  };
}

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

/** Fields every EPCIS 2.0 event carries (EPCIS 2.0 §7.4.1 EPCISEvent). */
const commonEventFields: Schema = {
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
  bizStep: ref('vocabulary'),
  disposition: ref('vocabulary'),
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
      { type: 'string', minLength: 1 },
      { type: 'object' },
      { type: 'array', items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'object' }] } },
    ],
  },
  uri: { type: 'string', pattern: ABSOLUTE_URI_PATTERN },
  dateTime: { type: 'string', pattern: DATE_TIME_PATTERN },
  timeZoneOffset: { type: 'string', pattern: TIME_ZONE_OFFSET_PATTERN },
  /** CBV value: a bare CBV term (`receiving`), a CURIE (`cbv:BizStep-receiving`) or a URI. */
  vocabulary: { type: 'string', minLength: 1, pattern: '^\\S+$' },
  action: { enum: ['ADD', 'OBSERVE', 'DELETE'] },
  epcList: { type: 'array', items: ref('uri') },
  quantityElement: closed(
    {
      epcClass: ref('uri'),
      quantity: { type: 'number' },
      uom: { type: 'string' },
    },
    ['epcClass'],
  ),
  quantityList: { type: 'array', items: ref('quantityElement') },
  location: closed({ id: ref('uri') }, ['id']),
  persistentDisposition: closed(
    {
      set: { type: 'array', items: ref('vocabulary') },
      unset: { type: 'array', items: ref('vocabulary') },
    },
    [],
    { minProperties: 1 },
  ),
  bizTransaction: closed({ type: ref('vocabulary'), bizTransaction: ref('uri') }, ['bizTransaction']),
  source: closed({ type: ref('vocabulary'), source: ref('uri') }, ['type', 'source']),
  destination: closed({ type: ref('vocabulary'), destination: ref('uri') }, ['type', 'destination']),
  errorDeclaration: closed(
    {
      declarationTime: ref('dateTime'),
      reason: ref('vocabulary'),
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
    type: ref('vocabulary'),
    exception: ref('vocabulary'),
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
    component: ref('vocabulary'),
    stringValue: { type: 'string' },
    booleanValue: { type: 'boolean' },
    hexBinaryValue: { type: 'string', pattern: '^(?:[0-9A-Fa-f]{2})*$' },
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
      type: { const: 'epcis:SensorElement' },
      sensorMetadata: ref('sensorMetadata'),
      sensorReport: { type: 'array', items: ref('sensorReport'), minItems: 1 },
    },
    ['sensorReport'],
  ),
  ilmd: { type: 'object', description: 'Instance/lot master data: open content (CBV master-data attributes or user extensions)' },
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
  $ref: '#/definitions/event',
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
  required: ['type', 'schemaVersion', 'creationDate', 'epcisBody'],
  properties: {
    '@context': ref('context'),
    id: { type: 'string' },
    type: { const: 'EPCISDocument' },
    schemaVersion: { anyOf: [{ type: 'string', pattern: '^2\\.\\d+$' }, { type: 'number', minimum: 2, exclusiveMaximum: 3 }] },
    creationDate: ref('dateTime'),
    sender: { type: 'string' },
    receiver: { type: 'string' },
    instanceIdentifier: { type: 'string' },
    epcisHeader: { type: 'object' },
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
