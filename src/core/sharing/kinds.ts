/**
 * Kinds of shared data. A module that lets owners share its records declares a kind once
 * (`defineShareKind('ledger.flows', …)`) and filters its reads with `visibleTo` (filter.ts); the
 * share rules themselves live in the one `shares` table, keyed by the kind's name.
 */

/** `<module>.<what>`, lower case: the name is stored in every rule, so it must stay stable. */
const KIND_NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const SCOPE_NAME = /^[a-z][a-z0-9_]*$/;

export interface ShareKind<K extends string = string, S extends string = string> {
  readonly name: K;
  /** What is shared, in the plural, for messages (`an enterprise always sees its own events`). */
  readonly label: string;
  /**
   * How much of the owner's records a rule covers. A scope covers every record unless the module's
   * filter narrows it (`visibleTo`'s `scopeMatches`).
   */
  readonly scopes: readonly S[];
  /** What each scope covers, for the API's documentation of the rule's `scope`. */
  readonly description: string;
}

export function defineShareKind<const K extends string, const S extends string>(
  name: K,
  def: { label: string; scopes: readonly S[]; description: string },
): ShareKind<K, S> {
  if (!KIND_NAME.test(name)) throw new Error(`share kind "${name}" is not <module>.<what> in lower case`);
  if (def.scopes.length === 0) throw new Error(`share kind "${name}" declares no scope`);
  for (const s of def.scopes) if (!SCOPE_NAME.test(s)) throw new Error(`share kind "${name}": scope "${s}" is not a lower-case word`);
  if (new Set(def.scopes).size !== def.scopes.length) throw new Error(`share kind "${name}" declares a scope twice`);
  return Object.freeze({ name, label: def.label, scopes: Object.freeze([...def.scopes]), description: def.description });
}

