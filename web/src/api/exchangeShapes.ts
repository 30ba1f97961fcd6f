/**
 * The exchange's API shapes and vocabulary, apart from its hooks (./exchange.ts) so that pure
 * helpers and their node-run tests can use them without React.
 */
import type { GetAnswer } from './types';
import { DEAL_ACTIONS, DEAL_STATES, PARTY_ACTIONS } from '../../../src/modules/exchange/deals/model.ts';
export {
  DISPOSAL_ROUTES, EXCLUSION_CODES, LICENCE_KINDS, LISTING_AUDIENCES, LISTING_RECURRENCES, LISTING_SIDES, LISTING_STATES, QUALITY_PROPERTIES, TRANSPORT_MODES,
  type CandidateExplanation, type DisposalRoute, type ExchangeSettings, type ExclusionReason, type ListingSide, type ListingState, type PlanAnswer, type PlanCandidate,
  type PlanOverrides, type PropertyRanges, type QualityProperty, type TransportMode,
} from '../../../src/modules/exchange/model.ts';

/** `/exchange-listings`: an offer or a demand of the caller's enterprise, in any state. */
export type ExchangeListing = GetAnswer<'/api/v1/exchange-listings/{id}'>;

/** `GET /exchange/market`: a published listing as the caller may see it (an anonymous one of another enterprise names no one). */
export type MarketListing = GetAnswer<'/api/v1/exchange/market'>['items'][number];

/** `GET /exchange/drafts`: an offer the ledger suggests (not stored until the user saves it). */
export type ListingDraft = GetAnswer<'/api/v1/exchange/drafts'>['items'][number];

/** The park's substitution rules, distance table and the enterprises' waste licences (generic collections). */
export type Substitution = GetAnswer<'/api/v1/exchange-substitutions/{id}'>;
export type Distance = GetAnswer<'/api/v1/exchange-distances/{id}'>;
export type WasteLicence = GetAnswer<'/api/v1/waste-licences/{id}'>;

export { DEAL_ACTIONS, DEAL_STATES, PARTY_ACTIONS };
export type DealState = (typeof DEAL_STATES)[number];
export type DealAction = (typeof DEAL_ACTIONS)[number];
/** What a party does to a deal (POST /exchange/deals/{id}/actions). */
export type PartyAction = (typeof PARTY_ACTIONS)[number];
export const DEAL_ROLES = ['any', 'supplier', 'receiver'] as const;
export type DealRole = (typeof DEAL_ROLES)[number];

/** A deal as listed: the parties (the supplier null while an anonymous offer's owner is undisclosed), terms, and what the caller may do now. */
export type Deal = GetAnswer<'/api/v1/exchange/deals'>['items'][number];
/** A deal with its history and deliveries. */
export type DealDetail = GetAnswer<'/api/v1/exchange/deals/{id}'>;
export type DealEvent = DealDetail['history'][number];
export type Delivery = DealDetail['deliveries'][number];
export type PartyRef = DealDetail['receiver'];
export type DealTerms = Omit<DealDetail['terms'], 'impact'>;

export interface NewDeal {
  offerId: number;
  demandId: number;
  terms: DealTerms;
  note?: string;
  explanation?: unknown;
}

/** `GET /exchange/impact`: per month, tonnes diverted and t CO2 avoided by recorded deliveries. */
export type Impact = GetAnswer<'/api/v1/exchange/impact'>;

