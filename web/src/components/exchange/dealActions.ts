/**
 * What the user may do to a deal now, as the deal's state machine allows (src/modules/exchange/
 * deals/model.ts): the API lists the caller's actions on each deal; the console shows those a party
 * takes through the actions endpoint, in a fixed order. Pure: no I/O.
 */
import { PARTY_ACTIONS } from '../../../../src/modules/exchange/deals/model.ts';
import type { Deal, PartyAction } from '../../api/exchangeShapes';

export function dealActionsFor(deal: Pick<Deal, 'actions'>): PartyAction[] {
  return PARTY_ACTIONS.filter((a) => deal.actions.includes(a));
}

/** Whether the deal waits for the caller's answer. */
export function isMyTurn(deal: Pick<Deal, 'state' | 'turn' | 'role'>): boolean {
  return deal.state === 'proposed' && deal.turn !== null && deal.turn === deal.role;
}

/** Whether the caller records this deal's deliveries: the supplier, once the deal is accepted. */
export function recordsDeliveries(deal: Pick<Deal, 'state' | 'role'>): boolean {
  return deal.role === 'supplier' && deal.state === 'accepted';
}
