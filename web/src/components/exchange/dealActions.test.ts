import { describe, expect, it } from 'vitest';
import { dealActionsFor, isMyTurn, recordsDeliveries } from './dealActions';

describe('what a user may do to a deal', () => {
  it('offers the party actions the API lists, in a fixed order', () => {
    expect(dealActionsFor({ actions: ['decline', 'accept', 'counter'] })).toEqual(['counter', 'accept', 'decline']);
    expect(dealActionsFor({ actions: ['complete'] })).toEqual([]);
  });

  it('knows whose turn it is and who records deliveries', () => {
    expect(isMyTurn({ state: 'proposed', turn: 'receiver', role: 'receiver' })).toBe(true);
    expect(isMyTurn({ state: 'proposed', turn: 'receiver', role: 'supplier' })).toBe(false);
    expect(isMyTurn({ state: 'accepted', turn: null, role: 'park' })).toBe(false);
    expect(recordsDeliveries({ state: 'accepted', role: 'supplier' })).toBe(true);
    expect(recordsDeliveries({ state: 'accepted', role: 'receiver' })).toBe(false);
  });
});
