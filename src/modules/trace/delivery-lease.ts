/**
 * The per-row lease of a subscription's delivery (`lease_owner`, `lease_until`). It follows the core
 * rules (src/core/lease.ts) through their SQL forms: a take is conditional on `leaseFree`
 * (`mayTake`), a progress write and its renewal on `leaseHeldBy` (`mayRenew`), a release on the
 * owner (`mayRelease`). Why the lease lives in the row rather than in job_leases: docs/architecture.md,
 * Background work. The owner id is unique per tenure of the delivery job, so it is also the token.
 */
import type { UpdateObject } from 'kysely';
import { tablesOf, type Db, type DbOf } from '../../adapters/db/index.ts';
import { leaseFree, leaseHeldBy } from '../../adapters/db/leases.ts';
import type { SubscriptionTables } from './tables.ts';

export const LEASE_COLUMNS = { owner: 'lease_owner', until: 'lease_until' } as const;

export type DeliveryState = UpdateObject<SubscriptionTables, 'epcis_subscriptions'>;

export class RowLease {
  private readonly db: DbOf<SubscriptionTables>;

  constructor(
    db: Db,
    readonly owner: string,
    private readonly leaseMs: () => number,
  ) {
    this.db = tablesOf<SubscriptionTables>(db);
  }

  /** Takes subscription `id`'s lease when nobody holds it; false when someone does (or it is gone). */
  async take(id: number, now = Date.now()): Promise<boolean> {
    const r = await this.db
      .updateTable('epcis_subscriptions')
      .set({ lease_owner: this.owner, lease_until: now + this.leaseMs() })
      .where('id', '=', id)
      .where((eb) => leaseFree(eb, LEASE_COLUMNS, now))
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Writes delivery state and renews the lease while this owner holds it; false when it lost it (or the subscription is gone). */
  async write(id: number, set: DeliveryState, now = Date.now()): Promise<boolean> {
    const r = await this.db
      .updateTable('epcis_subscriptions')
      .set({ ...set, lease_until: now + this.leaseMs() })
      .where('id', '=', id)
      .where((eb) => leaseHeldBy(eb, LEASE_COLUMNS, this.owner, now))
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Gives the lease back (left alone when another owner has it now). */
  async release(id: number): Promise<void> {
    await this.db.updateTable('epcis_subscriptions').set({ lease_owner: null, lease_until: null }).where('id', '=', id).where('lease_owner', '=', this.owner).execute();
  }
}
