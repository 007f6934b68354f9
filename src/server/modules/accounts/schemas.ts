import { Type, type Static } from 'typebox';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254, description: 'Compared case-insensitively.' });
export const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters.' });
export const PersonName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const SignupBody = Type.Object({ email: Email, password: Password, name: PersonName }, { additionalProperties: false });
export type SignupBody = Static<typeof SignupBody>;

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionResponse = Type.Object({
  user: User,
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send back as `X-CSRF-Token` on writes authenticated by the session cookie; null for API tokens.',
  }),
});
export type SessionResponse = Static<typeof SessionResponse>;

export const UpdateMeBody = Type.Object({ name: PersonName }, { additionalProperties: false });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart.' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiToken = Static<typeof ApiToken>;

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const CreatedToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'Shown once. Send as `Authorization: Bearer <secret>`.' }),
});

export const TokenList = Type.Object({ items: Type.Array(ApiToken) });
export const TokenParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
