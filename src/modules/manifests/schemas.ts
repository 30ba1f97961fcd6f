/**
 * Request and response schemas of the manifest routes (one TypeBox definition per shape: the
 * handler's types, the validator's schema and the OpenAPI description). Response schemas are complete.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, MAX_OFFSET, Nullable } from '../../core/crud/schemas.ts';
import { LICENCE_PROBLEMS } from './licences.ts';
import {
  DISCREPANCY_STATES, HAZARD_CHARACTERISTICS, MANIFEST_ACTIONS, MANIFEST_KINDS, MANIFEST_PARTIES, MANIFEST_STATES, MANIFEST_UNITS, PACKAGINGS, PHYSICAL_FORMS, REJECTION_ROUTES,
} from './model.ts';

const Id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
/** A nullable enum in the `type: ['string', 'null']` spelling (src/core/crud/schemas.ts). */
const nullableEnumOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null] });
const DateString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Note = () => Type.String({ maxLength: 2000 });
const Quantity = (description: string) => Type.Number({ minimum: 0, maximum: 1e9, description });
const LineNo = () => Type.Integer({ minimum: 1, maximum: 200 });
const Containers = () => Type.Integer({ minimum: 0, maximum: 1_000_000 });
/** A method code: R1…R15, D1…D16, C1…C3 (methods.ts). */
const MethodCode = () => Type.String({ pattern: '^[RDC][0-9]{1,2}$', description: 'utilization (R), disposal (D) or other (C) method code (HJ 1259-2022; docs/manifests.md)' });
const HwCode = () => Type.String({ pattern: '^HW[0-9]{2}/[0-9]{3}-[0-9]{3}-[0-9]{2}$', description: '国家危险废物名录 code, HW06/900-402-06' });
const Identifier = () => Type.String({ minLength: 1, maxLength: 512, description: 'a resolvable identifier (GS1 Digital Link, handle URL, EPC URI)' });

export const ManifestStateSchema = enumOf(MANIFEST_STATES);
export const ManifestActionSchema = enumOf(MANIFEST_ACTIONS);
export const ManifestPartySchema = enumOf(MANIFEST_PARTIES);

export const PartyRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });
export type PartyRef = Static<typeof PartyRefSchema>;

// ---- input ------------------------------------------------------------------------------------

export const LineInputSchema = Type.Object(
  {
    materialId: Id(),
    hwCode: Type.Optional(HwCode()),
    form: enumOf(PHYSICAL_FORMS),
    packaging: enumOf(PACKAGINGS),
    containers: Containers(),
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'declared, in unit' }),
    unit: Type.Optional(enumOf(MANIFEST_UNITS, { description: 'default t' })),
    hazards: Type.Optional(Type.Array(enumOf(HAZARD_CHARACTERISTICS), { maxItems: 5, uniqueItems: true, description: "default: the code's characteristics in 国家危险废物名录 (hazards.ts)" })),
    batches: Type.Optional(Type.Array(Identifier(), { maxItems: 100, uniqueItems: true, description: 'the waste batches the line carries; none named: one is minted for the generator' })),
  },
  { additionalProperties: false },
);

export const LegInputSchema = Type.Object(
  {
    transporterId: Id(),
    vehicle: Type.String({ minLength: 1, maxLength: 32, description: 'licence plate' }),
    driver: Type.Optional(Type.String({ maxLength: 100 })),
    driverPhone: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const CreateManifestSchema = Type.Object(
  {
    receiverId: Id(),
    receiverSiteId: Type.Optional(Id()),
    siteId: Type.Optional(Id()),
    plannedDate: DateString('planned pick-up, YYYY-MM-DD'),
    route: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Array(LineInputSchema, { minItems: 1, maxItems: 200 }),
    legs: Type.Array(LegInputSchema, { maxItems: 10, description: 'in order; at least one before the generator signs' }),
    note: Type.Optional(Note()),
  },
  { additionalProperties: false },
);
export type CreateManifest = Static<typeof CreateManifestSchema>;

/** A draft's changes (generator only), answering the version it saw; lists are replaced whole. */
export const PatchManifestSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    receiverId: Type.Optional(Id()),
    receiverSiteId: Type.Optional(Nullable(Id())),
    siteId: Type.Optional(Nullable(Id())),
    plannedDate: Type.Optional(DateString('planned pick-up, YYYY-MM-DD')),
    route: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    lines: Type.Optional(Type.Array(LineInputSchema, { minItems: 1, maxItems: 200 })),
    legs: Type.Optional(Type.Array(LegInputSchema, { maxItems: 10 })),
    note: Type.Optional(Nullable(Note())),
  },
  { additionalProperties: false },
);
export type PatchManifest = Static<typeof PatchManifestSchema>;

export const LocationSchema = Type.Object(
  {
    place: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const SeenSchema = Type.Object({ line: LineNo(), quantity: Quantity('in the line unit'), containers: Type.Optional(Containers()) }, { additionalProperties: false });

/**
 * One action on a manifest. The signer is the caller (its user, enterprise and role come from the
 * session or API key, never from the body); `version` is the manifest version the caller saw.
 */
export const ManifestActionBodySchema = Type.Object(
  {
    action: ManifestActionSchema,
    version: Type.Integer({ minimum: 1 }),
    location: Type.Optional(LocationSchema),
    note: Type.Optional(Note()),
    seen: Type.Optional(Type.Array(SeenSchema, { maxItems: 200, description: 'hand_over, take_over: what was handed over or seen; accept, partially_reject, reject: what was weighed' })),
    rejected: Type.Optional(Type.Array(Type.Object({ line: LineNo(), quantity: Quantity('rejected, in the line unit') }, { additionalProperties: false }), { maxItems: 200 })),
    rejection: Type.Optional(
      Type.Object(
        { route: enumOf(REJECTION_ROUTES), receiverId: Type.Optional(Id()), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
        { additionalProperties: false, description: 'partially_reject, reject: where the rejected part goes (return: back to the generator; onward: to receiverId)' },
      ),
    ),
    methods: Type.Optional(Type.Array(Type.Object({ line: LineNo(), method: MethodCode(), quantity: Quantity('processed, in the line unit') }, { additionalProperties: false }), { maxItems: 200 })),
    corrections: Type.Optional(
      Type.Array(
        Type.Object(
          {
            line: LineNo(),
            quantity: Type.Optional(Quantity('declared')),
            hwCode: Type.Optional(HwCode()),
            received: Type.Optional(Quantity('weighed')),
            rejected: Type.Optional(Quantity('rejected')),
            method: Type.Optional(MethodCode()),
            processed: Type.Optional(Quantity('processed')),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200, description: 'correct: the corrected figures (generator: quantity, hwCode; receiver: received, rejected, method, processed)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ManifestActionBody = Static<typeof ManifestActionBodySchema>;

export const ManifestListQuerySchema = Type.Object(
  {
    state: Type.Optional(ManifestStateSchema),
    role: Type.Optional(ManifestPartySchema),
    kind: Type.Optional(enumOf(MANIFEST_KINDS)),
    enterpriseId: Type.Optional(Id()),
    overdue: Type.Optional(Type.Boolean()),
    discrepancy: Type.Optional(enumOf(DISCREPANCY_STATES)),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'number, or a batch identifier it carries' })),
    from: Type.Optional(DateString('planned on or after')),
    to: Type.Optional(DateString('planned on or before')),
    latest: Type.Optional(Type.Boolean({ default: true, description: 'only the newest revision of each number' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  },
  { additionalProperties: false },
);
export type ManifestListQuery = Static<typeof ManifestListQuerySchema>;

export const ManifestParamsSchema = Type.Object({ id: Id() });
export const PdfQuerySchema = Type.Object({ lang: Type.Optional(enumOf(['zh-CN', 'en'] as const)) }, { additionalProperties: false });

// ---- output -----------------------------------------------------------------------------------

export const LineSchema = Type.Object({
  line: Type.Integer(),
  materialId: Type.Integer(),
  materialCode: Type.String(),
  materialName: Type.String(),
  materialNameEn: Nullable(Type.String()),
  hwCode: Type.String(),
  form: enumOf(PHYSICAL_FORMS),
  packaging: enumOf(PACKAGINGS),
  containers: Type.Integer(),
  quantity: Type.Number(),
  unit: enumOf(MANIFEST_UNITS),
  hazards: Type.Array(enumOf(HAZARD_CHARACTERISTICS)),
  batches: Type.Array(Type.String()),
  received: Nullable(Type.Number()),
  receivedContainers: Nullable(Type.Integer()),
  rejected: Nullable(Type.Number()),
  method: Nullable(Type.String()),
  processed: Nullable(Type.Number()),
});
export type Line = Static<typeof LineSchema>;

export const LegSchema = Type.Object({
  leg: Type.Integer(),
  transporter: PartyRefSchema,
  vehicle: Type.String(),
  driver: Nullable(Type.String()),
  driverPhone: Nullable(Type.String()),
  /** When the hand-off into this leg completed (the transporter took the waste over). */
  tookOverAt: Nullable(Type.Integer()),
});
export type Leg = Static<typeof LegSchema>;

export const SignatureSchema = Type.Object({
  seq: Type.Integer(),
  version: Type.Integer({ description: 'the manifest version the action answered' }),
  action: ManifestActionSchema,
  party: ManifestPartySchema,
  leg: Nullable(Type.Integer()),
  enterprise: PartyRefSchema,
  user: Type.String(),
  role: Type.String(),
  via: Type.String(),
  at: Type.Integer(),
  location: Nullable(LocationSchema),
  seen: Type.Array(SeenSchema),
  detail: Type.Unsafe<Record<string, unknown> | null>({ type: ['object', 'null'], additionalProperties: true }),
  note: Nullable(Type.String()),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type Signature = Static<typeof SignatureSchema>;

export const TurnSchema = Type.Object({
  party: ManifestPartySchema,
  leg: Nullable(Type.Integer()),
  enterprise: PartyRefSchema,
  actions: Type.Array(ManifestActionSchema),
});

export const LicenceProblemSchema = Type.Object({
  code: enumOf(LICENCE_PROBLEMS),
  party: enumOf(['receiver', 'transporter'] as const),
  enterpriseId: Type.Integer(),
  leg: Nullable(Type.Integer()),
  line: Nullable(Type.Integer()),
  licenceNumber: Nullable(Type.String()),
  reason: Type.String(),
});

export const DiscrepancySchema = Type.Object({
  state: enumOf(DISCREPANCY_STATES),
  tolerancePct: Type.Number(),
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      declared: Type.Number(),
      received: Type.Number(),
      pct: Nullable(Type.Number()),
      declaredContainers: Type.Integer(),
      receivedContainers: Nullable(Type.Integer()),
      reasons: Type.Array(enumOf(['weight', 'containers'] as const)),
    }),
  ),
  resolution: Nullable(Type.Object({ note: Type.String(), by: Type.String(), at: Type.Integer() })),
});

export const ManifestRefSchema = Type.Object({ id: Type.Integer(), number: Type.String(), revision: Type.Integer(), kind: enumOf(MANIFEST_KINDS), state: ManifestStateSchema });

/** One manifest in a list: what a table row and the park's views show. */
export const ManifestSummarySchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  revision: Type.Integer(),
  latest: Type.Boolean({ description: 'the newest revision of its number' }),
  kind: enumOf(MANIFEST_KINDS),
  state: ManifestStateSchema,
  version: Type.Integer(),
  generator: PartyRefSchema,
  receiver: PartyRefSchema,
  transporters: Type.Array(PartyRefSchema),
  /** The caller's sides of it (an enterprise may be generator and transporter); empty for park roles. */
  roles: Type.Array(ManifestPartySchema),
  plannedDate: Type.String(),
  /** 'HW06/900-402-06 × 2' style summary of the lines' codes. */
  hwCodes: Type.Array(Type.String()),
  declaredT: Type.Number(),
  receivedT: Nullable(Type.Number()),
  acceptedT: Nullable(Type.Number()),
  turn: Nullable(TurnSchema),
  discrepancy: nullableEnumOf(DISCREPANCY_STATES),
  overdue: Nullable(Type.Object({ reason: enumOf(['not_picked_up', 'not_delivered'] as const), since: Type.Integer() })),
  dealId: Nullable(Type.Integer()),
  pickedUpAt: Nullable(Type.Integer()),
  deliveredAt: Nullable(Type.Integer()),
  receivedAt: Nullable(Type.Integer()),
  closedAt: Nullable(Type.Integer()),
  updatedAt: Type.Integer(),
});
export type ManifestSummary = Static<typeof ManifestSummarySchema>;

export const ManifestPageSchema = Type.Object({ items: Type.Array(ManifestSummarySchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export type ManifestPage = Static<typeof ManifestPageSchema>;

export const ManifestDetailSchema = Type.Object({
  ...ManifestSummarySchema.properties,
    identifier: Nullable(Type.String({ description: "the manifest's own resolvable identifier (its QR code)" })),
    site: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
    receiverSite: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
    route: Nullable(Type.String()),
    note: Nullable(Type.String()),
    lines: Type.Array(LineSchema),
    legs: Type.Array(LegSchema),
    signatures: Type.Array(SignatureSchema),
    /** The hash chain of the signatures checks out (each hash over its content and the previous hash). */
    signaturesVerified: Type.Boolean(),
    /** What the caller may do now (empty when it is not the caller's turn or its role may not sign). */
    actions: Type.Array(ManifestActionSchema),
    /** Licence problems that would refuse the next signature (checked for the current turn). */
    licenceProblems: Type.Array(LicenceProblemSchema),
    discrepancyDetail: Nullable(DiscrepancySchema),
    rejection: Nullable(
      Type.Object({ route: enumOf(REJECTION_ROUTES), receiverId: Nullable(Type.Integer()), reason: Type.String(), manifest: Nullable(ManifestRefSchema) }),
    ),
    parent: Nullable(ManifestRefSchema),
    children: Type.Array(ManifestRefSchema),
    revisions: Type.Array(ManifestRefSchema),
    correction: Nullable(Type.Object({ reason: Type.String(), by: Type.String(), at: Type.Integer(), fields: Type.Array(Type.String()) })),
    links: Type.Object({
      epcisEventIds: Type.Array(Type.String()),
      flowIds: Type.Array(Type.Integer()),
      alarmKeys: Type.Array(Type.String()),
    }),
    signedAt: Nullable(Type.Integer()),
    processedAt: Nullable(Type.Integer()),
    cancelledAt: Nullable(Type.Integer()),
    createdBy: Type.String(),
    createdAt: Type.Integer(),
});
export type ManifestDetail = Static<typeof ManifestDetailSchema>;

/** The park's watch (GET /api/v1/manifests/overview): park roles see the park, an enterprise its own manifests. */
export const OverviewQuerySchema = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });

export const ReceiverCapacitySchema = Type.Object({
  receiver: PartyRefSchema,
  licenceNumber: Type.String(),
  codes: Type.Array(Type.String()),
  validFrom: Type.String(),
  validTo: Type.String(),
  valid: Type.Boolean({ description: 'valid today' }),
  annualCapacityT: Nullable(Type.Number()),
  acceptedT: Type.Number(),
  inFlightT: Type.Number(),
  leftT: Nullable(Type.Number()),
});

export const OverviewSchema = Type.Object({
  scope: enumOf(['park', 'enterprise'] as const),
  year: Type.Integer(),
  byState: Type.Array(Type.Object({ state: ManifestStateSchema, count: Type.Integer(), declaredT: Type.Number() })),
  /** t moved per month of receipt (accepted), and per method fate. */
  months: Type.Array(Type.Object({ month: Type.String(), manifests: Type.Integer(), acceptedT: Type.Number(), utilizedT: Type.Number(), disposedT: Type.Number() })),
  openDiscrepancies: Type.Array(ManifestSummarySchema),
  overdue: Type.Array(ManifestSummarySchema),
  /** Signed, in transit or delivered and undecided: the movements under way. */
  open: Type.Array(ManifestSummarySchema),
  capacity: Type.Array(ReceiverCapacitySchema),
});
export type Overview = Static<typeof OverviewSchema>;

export const ManifestSettingsSchema = Type.Object(
  {
    numberFormat: Type.String({ minLength: 1, maxLength: 64, description: 'tokens {park} {region} {YYYY} {YY} {MM} {seq:N}; must contain {seq…} and {YYYY} or {YY}' }),
    regionCode: Nullable(Type.String({ pattern: '^[0-9]{6}$', description: '行政区划代码' })),
    discrepancyTolerancePct: Type.Number({ minimum: 0, maximum: 100 }),
    containerTolerance: Type.Integer({ minimum: 0, maximum: 10_000 }),
    pickupAllowanceDays: Type.Integer({ minimum: 0, maximum: 365 }),
    transitAllowanceHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  },
  { additionalProperties: false },
);
export const ManifestSettingsOutSchema = Type.Object({ ...ManifestSettingsSchema.properties, updatedBy: Nullable(Type.String()), updatedAt: Nullable(Type.Integer()) });

/** Method codes and hazard defaults the console offers (GET /api/v1/manifests/vocabulary). */
export const VocabularySchema = Type.Object({
  methods: Type.Array(Type.Object({ code: Type.String(), fate: enumOf(['utilization', 'disposal'] as const), name: Type.String(), nameEn: Type.String() })),
  hazards: Type.Array(Type.Object({ hwCode: Type.String(), hazards: Type.Array(enumOf(HAZARD_CHARACTERISTICS)) })),
});
