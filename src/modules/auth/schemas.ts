/**
 * Request and response schemas of the auth routes that are not the generic collection: log-in, the
 * caller's own account, password, API keys, and the users' create and update bodies (the generic
 * ones plus a password). One TypeBox definition per shape gives the handler its types (through the
 * type provider), the validator its schema and the OpenAPI document its description.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { createSchema, itemSchema, Nullable, updateSchema } from '../../core/crud/schemas.ts';
import { ROLES, type Role } from '../../core/roles.ts';
import { LOCALES, userSpec, type UserCreate, type UserPatch } from './users.ts';

export const PasswordSchema = Type.String({ minLength: 8, maxLength: 200 });
export const UserSchema = itemSchema(userSpec);

export const LoginBodySchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const LoginResponseSchema = Type.Object({ token: Type.String(), expiresAt: Type.Integer(), user: UserSchema });

const ability = Type.Unsafe<'any' | 'own' | 'none'>({ type: 'string', enum: ['any', 'own', 'none'] });
const role = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });
export const MeSchema = Type.Object({
  user: UserSchema,
  abilities: Type.Unsafe<Record<string, 'any' | 'own' | 'none'>>({ type: 'object', additionalProperties: ability }),
  grantableRoles: Type.Array(role),
});

export const MePatchBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(Type.Unsafe<(typeof LOCALES)[number]>({ type: 'string', enum: [...LOCALES] })),
  },
  { minProperties: 1, additionalProperties: false },
);
export type MePatch = Static<typeof MePatchBodySchema>;
export const MeUserSchema = Type.Object({ user: UserSchema });

export const PasswordBodySchema = Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: PasswordSchema }, { additionalProperties: false });

const apiKeyFields = {
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'the first characters of the key, to recognise it' }),
  createdAt: Type.Integer(),
  expiresAt: Nullable(Type.Integer()),
  lastUsedAt: Nullable(Type.Integer()),
};
export const ApiKeySchema = Type.Object(apiKeyFields);
export type ApiKeyItem = Static<typeof ApiKeySchema>;
export const ApiKeyListSchema = Type.Object({ items: Type.Array(ApiKeySchema) });
export const CreatedApiKeySchema = Type.Object({ ...apiKeyFields, key: Type.String() });
export const ApiKeyBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);

/** A user's create body: the generic one (core/crud/schemas.ts) and a password. */
const create = createSchema(userSpec);
export const UserCreateBodySchema = Type.Unsafe<UserCreate>({
  ...create,
  properties: { ...create.properties, password: PasswordSchema } satisfies Record<string, TSchema>,
  required: [...create.required, 'password'],
});
/** A user's update body: the generic one and, optionally, a new password. */
const update = updateSchema(userSpec);
export const UserPatchBodySchema = Type.Unsafe<UserPatch>({ ...update, properties: { ...update.properties, password: PasswordSchema } });
