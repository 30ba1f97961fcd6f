/**
 * The manifests' API shapes and vocabulary, apart from their hooks (./manifests.ts) so that pure
 * helpers and their node-run tests can use them without React. The vocabulary is the backend's own
 * (src/modules/manifests/model.ts), the shapes the OpenAPI document's (schema.d.ts).
 */
import type { BodyOf, GetAnswer } from './types';
export {
  DISCREPANCY_STATES, HAZARD_CHARACTERISTICS, MANIFEST_ACTIONS, MANIFEST_KINDS, MANIFEST_PARTIES, MANIFEST_STATES, MANIFEST_UNITS, OPEN_STATES, PACKAGINGS, PHYSICAL_FORMS,
  REJECTION_ROUTES, toTonnes,
  type HazardCharacteristic, type ManifestAction, type ManifestKind, type ManifestParty, type ManifestState, type ManifestUnit, type Packaging, type PhysicalForm, type RejectionRoute,
} from '../../../src/modules/manifests/model.ts';
export { LICENCE_PROBLEMS, type LicenceProblemCode } from '../../../src/modules/manifests/licences.ts';

/** A manifest as listed (`GET /manifests`): parties, codes, tonnes, whose turn, badges. */
export type ManifestSummary = GetAnswer<'/api/v1/manifests'>['items'][number];
/** One manifest revision with its lines, legs, signatures and what the caller may do now. */
export type ManifestDetail = GetAnswer<'/api/v1/manifests/{id}'>;
export type ManifestLineOut = ManifestDetail['lines'][number];
export type ManifestLegOut = ManifestDetail['legs'][number];
export type ManifestSignature = ManifestDetail['signatures'][number];
export type ManifestRef = ManifestDetail['children'][number];
export type ManifestPartyRef = ManifestDetail['generator'];
export type LicenceProblemOut = ManifestDetail['licenceProblems'][number];
export type ManifestOverview = GetAnswer<'/api/v1/manifests/overview'>;
export type ReceiverCapacity = ManifestOverview['capacity'][number];
export type ManifestVocabulary = GetAnswer<'/api/v1/manifests/vocabulary'>;
export type ManifestSettingsOut = GetAnswer<'/api/v1/manifest-settings'>;
export type ManifestSettingsIn = Omit<ManifestSettingsOut, 'updatedBy' | 'updatedAt'>;

/** What `POST /manifests` takes (the generator's draft) and `POST /manifests/{id}/actions` takes (one signature). */
export type NewManifest = BodyOf<'/api/v1/manifests', 'post'>;
export type PatchManifest = BodyOf<'/api/v1/manifests/{id}', 'patch'>;
export type ManifestActionBody = BodyOf<'/api/v1/manifests/{id}/actions', 'post'>;
export type SignatureLocation = NonNullable<ManifestActionBody['location']>;
