/**
 * Who sees a listing on the market, and what of it (pure; market.ts's SQL says the same thing,
 * and test/exchange-api.test.ts holds the two together).
 *
 * - A draft or withdrawn listing is its enterprise's alone (through /exchange-listings); the market
 *   shows published listings only.
 * - A published listing is seen by its own enterprise, by every enterprise when its audience is the
 *   park, by the enterprises it names when its audience is its partners, and always by park roles
 *   (the park operator runs the exchange: it must see the whole market to plan it).
 * - An anonymous listing is shown to other enterprises without who and where: enterprise and site
 *   are null until a deal is agreed. The park sees who. So does the owner, of course.
 */
import { isParkRole, type AuthContext } from '../../core/roles.ts';

export interface ListingAudienceFacts {
  enterpriseId: number;
  state: string;
  audience: string;
  partnerIds: readonly number[] | null;
  anonymous: boolean;
}

/** Whether `ctx` sees the listing on the market. */
export function seesOnMarket(ctx: AuthContext, l: ListingAudienceFacts): boolean {
  if (l.state !== 'published') return false;
  if (isParkRole(ctx.role)) return true;
  if (ctx.enterpriseId === null) return false;
  if (l.enterpriseId === ctx.enterpriseId || l.audience === 'park') return true;
  return l.audience === 'partners' && (l.partnerIds ?? []).includes(ctx.enterpriseId);
}

/** Whether `ctx` is shown who offers and where (else the listing is shown anonymised). */
export function seesWho(ctx: AuthContext, l: Pick<ListingAudienceFacts, 'enterpriseId' | 'anonymous'>): boolean {
  return !l.anonymous || isParkRole(ctx.role) || l.enterpriseId === ctx.enterpriseId;
}

/** Whether `ctx` is the owner or the park (who may see the owner's own bookkeeping: partners, source flow). */
export function seesOwnerDetail(ctx: AuthContext, enterpriseId: number): boolean {
  return isParkRole(ctx.role) || enterpriseId === ctx.enterpriseId;
}

/**
 * The canonical text of a partner list as stored (JSON.stringify of an int array: no spaces) with
 * its brackets turned into commas, so that "enterprise 5 is named" is the exact SQL test
 * `',' || inner || ','` LIKE '%,5,%' — never a match on 15 or 51.
 */
export const partnerNeedle = (enterpriseId: number): string => `%,${enterpriseId},%`;
