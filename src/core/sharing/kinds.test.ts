import { describe, expect, it } from 'vitest';
import { defineShareKind } from './kinds.ts';

describe('defineShareKind', () => {
  it('keeps the name and scopes a module declares', () => {
    const k = defineShareKind('ledger.flows', { label: 'flows', scopes: ['all', 'monthly'], description: 'all: every flow; monthly: monthly totals' });
    expect(k.name).toBe('ledger.flows');
    expect(k.scopes).toEqual(['all', 'monthly']);
    expect(Object.isFrozen(k) && Object.isFrozen(k.scopes)).toBe(true);
  });

  it('refuses names that would not stay stable keys of stored rules, and scope lists that say nothing or twice', () => {
    const def = { label: 'x', scopes: ['all'], description: '' };
    for (const name of ['flows', 'Ledger.flows', 'ledger.', 'ledger.flows.monthly', 'ledger flows', '.flows']) expect(() => defineShareKind(name, def), name).toThrow(/<module>\.<what>/);
    expect(() => defineShareKind('ledger.flows', { ...def, scopes: [] })).toThrow(/no scope/);
    expect(() => defineShareKind('ledger.flows', { ...def, scopes: ['all', 'all'] })).toThrow(/twice/);
    expect(() => defineShareKind('ledger.flows', { ...def, scopes: ['All'] })).toThrow(/lower-case/);
  });
});
