import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { addDays } from '../../lib/clock.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import type { EventsService } from '../events/service.js';
import { VersionMemo } from '../../db/version-memo.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import type { ApiToken, ChangePasswordBody, CreateTokenBody, LoginBody, SignupBody, User } from './schemas.js';

export const SESSION_DAYS = 30;
/** Personal API tokens start with this, so they are easy to recognise (and to scan for in leaks). */
export const TOKEN_PREFIX = 'mbx_';

export interface StartedSession {
  user: User;
  /** The cookie value; only its keyed hash is stored. */
  sessionToken: string;
  csrfToken: string;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const presentUser = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name, createdAt: row.createdAt });

/** Hashes of secrets kept at most (see AccountsService.hash). */
const HASHES_KEPT = 10_000;

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The e-mail or the password is not right.');

/** Accounts, sessions and personal API tokens. */
export class AccountsService {
  /** Tokens and sessions by hash, while the database is unchanged (revoking, expiring early or logging out is a write). */
  private readonly tokens: VersionMemo<Awaited<ReturnType<typeof repo.findTokenWithUser>>>;
  private readonly sessions: VersionMemo<Awaited<ReturnType<typeof repo.findSessionWithUser>>>;
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly ctx: Context,
    private readonly events: EventsService,
  ) {
    this.tokens = new VersionMemo(ctx.memoVersion);
    this.sessions = new VersionMemo(ctx.memoVersion);
  }

  /**
   * The keyed hash of a session or token secret. The hashes of the secrets seen lately are
   * kept (an HMAC was 3.5% of the serving thread at thousands of supports a second): at most
   * HASHES_KEPT, of secrets no longer than real ones, so no request can make it large.
   */
  private hash(value: string): string {
    let hash = this.hashes.get(value);
    if (hash === undefined) {
      hash = hashSecret(this.ctx.config.secret, value);
      if (value.length <= 128) {
        if (this.hashes.size >= HASHES_KEPT) this.hashes.clear();
        this.hashes.set(value, hash);
      }
    }
    return hash;
  }

  /** Creates an account inside the caller's transaction; 409 when the e-mail is taken. */
  async createAccount(trx: Db, input: { email: string; name: string; passwordHash: string }): Promise<UserRow> {
    const now = this.ctx.clock.now().toISOString();
    const row: UserRow = { id: newId(), email: normaliseEmail(input.email), name: input.name.trim(), passwordHash: input.passwordHash, createdAt: now, updatedAt: now, erasedAt: null };
    if (await repo.findUserByEmail(trx, row.email)) throw conflict('email_taken', 'An account with this e-mail already exists. Log in instead.');
    try {
      await repo.insertUser(trx, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('email_taken', 'An account with this e-mail already exists. Log in instead.');
      throw error;
    }
    await this.events.record(trx, { type: 'user.signed_up', actorId: row.id, orgId: null, subjectType: 'user', subjectId: row.id });
    return row;
  }

  /** Opens a session inside the caller's transaction. */
  async startSession(trx: Db, user: UserRow, userAgent: string | null): Promise<StartedSession> {
    const now = this.ctx.clock.now();
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    await repo.insertSession(trx, {
      id: this.hash(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: addDays(now, SESSION_DAYS).toISOString(),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { user: presentUser(user), sessionToken, csrfToken };
  }

  async signup(body: SignupBody, userAgent: string | null): Promise<StartedSession> {
    const passwordHash = await hashPassword(body.password);
    return this.ctx.db.transaction().execute(async (trx) => {
      const user = await this.createAccount(trx, { ...body, passwordHash });
      return this.startSession(trx, user, userAgent);
    });
  }

  /** Same answer and about the same time whether or not the e-mail has an account. */
  async login(body: LoginBody, userAgent: string | null): Promise<StartedSession> {
    const user = await repo.findUserByEmail(this.ctx.db, normaliseEmail(body.email));
    const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!user || !ok) throw invalidCredentials();
    return this.ctx.db.transaction().execute((trx) => this.startSession(trx, user, userAgent));
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId !== null) await repo.deleteSession(this.ctx.db, actor.sessionId);
  }

  /** Resolves a session cookie to its person; sliding expiry, refreshed at most hourly. */
  async authenticateSession(sessionToken: string): Promise<Actor | null> {
    const id = this.hash(sessionToken);
    const row = await this.sessions.get(id, () => repo.findSessionWithUser(this.ctx.db, id));
    const now = this.ctx.clock.now();
    if (!row || row.expiresAt <= now.toISOString()) return null;
    if (now.getTime() - new Date(row.lastSeenAt).getTime() > 3_600_000) {
      await repo.touchSession(this.ctx.db, id, now.toISOString(), addDays(now, SESSION_DAYS).toISOString());
    }
    return { userId: row.userId, name: row.name, email: row.email, via: 'session', sessionId: id, csrfToken: row.csrfToken };
  }

  /** Resolves `Authorization: Bearer mbx_…` to its person. */
  async authenticateToken(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const hash = this.hash(secret);
    const row = await this.tokens.get(hash, () => repo.findTokenWithUser(this.ctx.db, hash));
    const now = this.ctx.clock.now().toISOString();
    if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return null;
    if (row.lastUsedAt === null || row.lastUsedAt.slice(0, 13) !== now.slice(0, 13)) await repo.touchToken(this.ctx.db, row.id, now);
    return { userId: row.userId, name: row.name, email: row.email, via: 'token', sessionId: null, csrfToken: null };
  }

  async getUser(id: string): Promise<User> {
    const row = await repo.findUserById(this.ctx.db, id);
    if (!row) throw notFound('The account');
    return presentUser(row);
  }

  async findUserById(db: Db, id: string): Promise<UserRow | undefined> {
    return repo.findUserById(db, id);
  }

  async findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    return repo.findUserByEmail(db, normaliseEmail(email));
  }

  async updateMe(actor: Actor, changes: { name: string }): Promise<User> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, actor.userId, { name: changes.name.trim(), updatedAt: this.ctx.clock.now().toISOString() });
      await this.events.record(trx, { type: 'user.updated', actorId: actor.userId, orgId: null, subjectType: 'user', subjectId: actor.userId, payload: { fields: ['name'] } });
    });
    return this.getUser(actor.userId);
  }

  /** Changing the password signs out every other session. */
  async changePassword(actor: Actor, body: ChangePasswordBody): Promise<void> {
    const user = await repo.findUserById(this.ctx.db, actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw new AppError(403, 'wrong_password', 'The current password is not right.');
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, { passwordHash, updatedAt: this.ctx.clock.now().toISOString() });
      await repo.deleteSessionsOfUser(trx, user.id, actor.sessionId);
      await this.events.record(trx, { type: 'user.password_changed', actorId: user.id, orgId: null, subjectType: 'user', subjectId: user.id });
    });
  }

  async createToken(actor: Actor, body: CreateTokenBody): Promise<{ token: ApiToken; secret: string }> {
    const now = this.ctx.clock.now();
    const secret = newSecret(TOKEN_PREFIX);
    const row = {
      id: newId(),
      userId: actor.userId,
      name: body.name.trim(),
      tokenHash: this.hash(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: now.toISOString(),
      lastUsedAt: null,
      expiresAt: body.expiresInDays === undefined ? null : addDays(now, body.expiresInDays).toISOString(),
      revokedAt: null,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.insertToken(trx, row);
      await this.events.record(trx, { type: 'token.created', actorId: actor.userId, orgId: null, subjectType: 'api_token', subjectId: row.id, payload: { name: row.name } });
    });
    return { token: presentToken(row), secret };
  }

  async listTokens(actor: Actor): Promise<ApiToken[]> {
    return (await repo.listActiveTokens(this.ctx.db, actor.userId)).map(presentToken);
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const result = await repo.revokeToken(trx, actor.userId, id, this.ctx.clock.now().toISOString());
      if (result.numUpdatedRows === 0n) throw notFound('The token');
      await this.events.record(trx, { type: 'token.revoked', actorId: actor.userId, orgId: null, subjectType: 'api_token', subjectId: id });
    });
  }
}

const presentToken = (row: { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null }): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
});
