/**
 * Generic use cases of a resource: list, get, create, update, delete. The only place that writes a
 * resource's table: it checks the caller's role and tenant, the references, runs the write and its
 * audit record in one transaction, and turns constraint violations into problems.
 */
import type { DbHandle, Tx } from '../../adapters/db/index.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../adapters/db/index.ts';
import type { AuditStore } from '../audit/store.ts';
import { conflict, notFound, validation, type FieldError } from '../errors.ts';
import type { AuthContext } from '../roles.ts';
import { canSee } from '../tenancy.ts';
import type { CreateOf, ItemOf, ListQuery, ListQueryOf, PatchOf, ResourceSpec, WriteAction } from './spec.ts';
import { ResourceStore, type Item, type Page, type Row } from './store.ts';
import { cleanStrings } from './text.ts';

export interface WriteHooks<S extends ResourceSpec = ResourceSpec> {
  /** Runs inside the transaction after the row is written (e.g. to maintain derived tables). */
  afterWrite?(trx: Tx, action: WriteAction, before: ItemOf<S> | null, after: ItemOf<S> | null): Promise<void>;
  /** Fills the spec's extraItemFields of items on their way out (without it they are null). */
  decorate?(items: ItemOf<S>[]): Promise<void>;
}

/** Throws 403 unless the spec's policy lets `ctx` perform `action` on a record owned by `owner`. */
export function assertMayWrite(ctx: AuthContext, spec: ResourceSpec, action: WriteAction, owner: number | null): void {
  spec.policy.assert(ctx, action, owner);
}

/** A service of any resource, e.g. in a list of collections (ItemOf is not covariant in the spec). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SomeResourceService = ResourceService<any>;

/**
 * `S` is the spec's type (declared with defineResource): items come out as `ItemOf<S>`, creates and
 * patches go in as `CreateOf<S>` and `PatchOf<S>`. A service of a spec typed as plain ResourceSpec
 * takes and returns records, as before.
 */
export class ResourceService<S extends ResourceSpec = ResourceSpec> {
  readonly store: ResourceStore<S>;

  constructor(
    private readonly handle: DbHandle,
    readonly spec: S,
    private readonly audit: AuditStore,
    private readonly hooks: WriteHooks<S> = {},
  ) {
    this.store = new ResourceStore(handle.db, handle.dialect, spec, handle.sqlite);
  }

  /** Adds the spec's extraItemFields to items on their way out: the owning module's hook, else null. */
  private async decorate(items: ItemOf<S>[]): Promise<void> {
    if (this.hooks.decorate) return this.hooks.decorate(items);
    for (const item of items as Item[]) for (const k of Object.keys(this.spec.extraItemFields ?? {})) item[k] = null;
  }

  async list(ctx: AuthContext, query: ListQuery | ListQueryOf<S>): Promise<Page<ItemOf<S>>> {
    const page = await this.store.list(ctx, query);
    if (this.spec.extraItemFields) await this.decorate(page.items);
    return page;
  }

  async get(ctx: AuthContext, id: number): Promise<ItemOf<S>> {
    const row = await this.store.findVisible(this.handle.db, ctx, id);
    if (!row) throw notFound(`${this.spec.label} ${id}`);
    const item = this.store.toItem(row);
    if (this.spec.extraItemFields) await this.decorate([item]);
    return item;
  }

  async create(ctx: AuthContext, input: CreateOf<S>, extraRow: Row = {}): Promise<ItemOf<S>> {
    return this.present(await this.insertAudited(ctx, this.cleaned(input as Record<string, unknown>), extraRow));
  }

  async update(ctx: AuthContext, id: number, patch: PatchOf<S>, extraRow: Row = {}): Promise<ItemOf<S>> {
    return this.present(await this.updateAudited(ctx, id, this.cleaned(patch as Record<string, unknown>), extraRow));
  }

  /** Names and codes trimmed and checked, free text checked (text.ts): one rule for every resource and every caller. */
  private cleaned(input: Record<string, unknown>): Record<string, unknown> {
    const { values, errors } = cleanStrings(this.spec, input);
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')} ${e.message}`).join('; '), errors);
    return values;
  }

  /** A written item as clients see it (with the fields other modules add). */
  private async present(item: ItemOf<S>): Promise<ItemOf<S>> {
    if (this.spec.extraItemFields) await this.decorate([item]);
    return item;
  }

  private insertAudited(ctx: AuthContext, input: Record<string, unknown>, extraRow: Row): Promise<ItemOf<S>> {
    return this.write(async (trx) => {
      const owner = await this.ownerForCreate(trx, ctx, input);
      assertMayWrite(ctx, this.spec, 'create', owner);
      const values = { ...this.defaults(), ...input };
      if (this.spec.ownership.kind !== 'self') values.enterpriseId = owner;
      await this.checkRecord(trx, values, owner);
      const now = Date.now();
      const row = await this.store.insert(trx, { ...this.store.toRow(values), ...extraRow, created_at: now, updated_at: now });
      const after = this.store.toItem(row);
      await this.audit.append(trx, ctx, { action: 'create', entity: this.spec.name, entityId: after.id, enterpriseId: this.store.ownerOf(row), after });
      await this.hooks.afterWrite?.(trx, 'create', null, after);
      return after;
    });
  }

  private updateAudited(ctx: AuthContext, id: number, patch: Record<string, unknown>, extraRow: Row): Promise<ItemOf<S>> {
    return this.write(async (trx) => {
      const current = await this.store.findVisible(trx, ctx, id);
      if (!current) throw notFound(`${this.spec.label} ${id}`);
      const owner = this.store.ownerOf(current);
      assertMayWrite(ctx, this.spec, 'update', owner);
      const before = this.store.toItem(current);
      const merged: Record<string, unknown> = { ...before, ...patch };
      if (this.spec.ownership.kind === 'parent') {
        const { field } = this.spec.ownership;
        if (patch[field] !== undefined && patch[field] !== (before as Item)[field]) {
          const parentOwner = await this.parentOwner(trx, ctx, patch[field]);
          if (parentOwner !== owner) {
            throw validation(`${this.spec.label} ${id} cannot move to another enterprise`, [
              { path: `/body/${field}`, message: 'belongs to another enterprise' },
            ]);
          }
        }
      }
      await this.checkRecord(trx, merged, owner);
      const row = await this.store.update(trx, id, { ...this.store.toRow(patch), ...extraRow, updated_at: Date.now() });
      const after = this.store.toItem(row);
      await this.audit.append(trx, ctx, { action: 'update', entity: this.spec.name, entityId: id, enterpriseId: owner, before, after });
      await this.hooks.afterWrite?.(trx, 'update', before, after);
      return after;
    });
  }

  async remove(ctx: AuthContext, id: number): Promise<void> {
    await this.write(async (trx) => {
      const current = await this.store.findVisible(trx, ctx, id);
      if (!current) throw notFound(`${this.spec.label} ${id}`);
      const owner = this.store.ownerOf(current);
      assertMayWrite(ctx, this.spec, 'delete', owner);
      for (const child of this.spec.children ?? []) {
        const n = await trx
          .selectFrom(child.table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where(child.column, '=', id)
          .executeTakeFirstOrThrow();
        if (Number(n.n) > 0) {
          throw conflict(`${this.spec.label} ${id} still has ${n.n} ${child.label}; remove them first`);
        }
      }
      const before = this.store.toItem(current);
      await this.store.delete(trx, id);
      await this.audit.append(trx, ctx, { action: 'delete', entity: this.spec.name, entityId: id, enterpriseId: owner, before });
      await this.hooks.afterWrite?.(trx, 'delete', before, null);
    });
  }

  /** Runs a write in a transaction and maps constraint violations to problems. */
  private async write<T>(fn: (trx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.handle.db.transaction().execute(fn);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict(`A ${this.spec.label.toLowerCase()} with the same ${this.uniqueHint()} already exists`);
      }
      if (isForeignKeyViolation(err)) {
        throw conflict(`${this.spec.label} is still referenced by other records`);
      }
      throw err;
    }
  }

  private uniqueHint(): string {
    if ('key' in this.spec.fields) return 'key';
    if ('username' in this.spec.fields) return 'username';
    return 'code';
  }

  private defaults(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(this.spec.fields)) {
      if (f.default !== undefined) out[name] = f.default;
      else if (f.nullable && !f.derived) out[name] = null;
    }
    return out;
  }

  private async ownerForCreate(trx: Tx, ctx: AuthContext, input: Record<string, unknown>): Promise<number | null> {
    const own = this.spec.ownership;
    if (own.kind === 'self') return null;
    if (own.kind === 'parent') return this.parentOwner(trx, ctx, input[own.field]);
    const given = input.enterpriseId as number | null | undefined;
    if (given === undefined) {
      if (ctx.enterpriseId !== null) return ctx.enterpriseId;
      if (own.nullable) return null;
      throw validation('enterpriseId is required', [{ path: '/body/enterpriseId', message: 'is required for a park role' }]);
    }
    if (given === null) {
      if (!own.nullable) throw validation('enterpriseId may not be null', [{ path: '/body/enterpriseId', message: 'may not be null' }]);
      return null;
    }
    const ent = await trx.selectFrom('enterprises').select('id').where('id', '=', given).executeTakeFirst();
    if (!ent || !canSee(ctx, given)) {
      throw validation(`enterprise ${given} does not exist`, [{ path: '/body/enterpriseId', message: 'no such enterprise' }]);
    }
    return given;
  }

  private async parentOwner(trx: Tx, ctx: AuthContext, parentId: unknown): Promise<number> {
    const own = this.spec.ownership as Extract<ResourceSpec['ownership'], { kind: 'parent' }>;
    const parent = await trx
      .selectFrom(own.table)
      .select(['id', 'enterprise_id'])
      .where('id', '=', Number(parentId))
      .executeTakeFirst();
    if (!parent || !canSee(ctx, Number(parent.enterprise_id))) {
      throw validation(`${own.label} ${parentId} does not exist`, [{ path: `/body/${own.field}`, message: `no such ${own.label.toLowerCase()}` }]);
    }
    return Number(parent.enterprise_id);
  }

  /** References belong to the same enterprise; the spec's own checks pass. */
  private async checkRecord(trx: Tx, record: Record<string, unknown>, owner: number | null): Promise<void> {
    const errors: FieldError[] = [];
    for (const ref of this.spec.references ?? []) {
      const target = record[ref.field];
      if (target === null || target === undefined) continue;
      if (ref.anyTenant) {
        const exists = await trx.selectFrom(ref.table).select('id').where('id', '=', Number(target)).executeTakeFirst();
        if (!exists) errors.push({ path: `/body/${ref.field}`, message: `no such ${ref.label.toLowerCase()}` });
        continue;
      }
      const cols = ['id', 'enterprise_id', ...(ref.match ? [ref.match.column] : [])];
      const row = await trx.selectFrom(ref.table).select(cols).where('id', '=', Number(target)).executeTakeFirst();
      const targetOwner = row ? (row.enterprise_id === null ? null : Number(row.enterprise_id)) : undefined;
      const ok =
        row !== undefined && (targetOwner === owner || (ref.sharedWhenNull === true && targetOwner === null));
      if (!ok) {
        errors.push({ path: `/body/${ref.field}`, message: `no such ${ref.label.toLowerCase()} in this enterprise` });
      } else if (ref.match && Number(row[ref.match.column]) !== Number(record[ref.match.field])) {
        errors.push({ path: `/body/${ref.field}`, message: `${ref.label.toLowerCase()} is not on the same ${ref.match.field.replace(/Id$/, '')}` });
      }
    }
    errors.push(...(this.spec.validate?.(record) ?? []));
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')} ${e.message}`).join('; '), errors);
  }
}
