import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import type { z } from 'zod';
import type {
  Operator,
  SessionInfo,
  operatorUpdateInput,
  sessionBeginInput,
  sessionUnlockInput,
} from '../../../../shared/schemas/security';
import { currentRequest, runAsRequest } from '../../app/request-context';
import { refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { recordAuditEvent } from './audit';

/** How long one PIN entry unlocks guarded work; each guarded action renews it. */
export const UNLOCK_MS = 5 * 60_000;
/** Wrong PINs in a row before the desk makes the next try wait. */
export const MAX_TRIES = 5;
export const RETRY_WAIT_MS = 60_000;

const PIN_KEY = 'adminPin';
/** The hash of the recovery code shown once when the PIN was set (pin-recovery.ts). */
export const RECOVERY_KEY = 'adminRecovery';

/** A salted scrypt hash, as the PIN and its recovery code are kept. */
export interface StoredSecret {
  salt: string;
  hash: string;
}

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, length: number, options: ScryptOptions) => Promise<Buffer>;

/**
 * scrypt, so the hash in the file does not give the PIN back by a quick search of 10⁸ values;
 * on libuv's thread pool, so the tens of milliseconds it takes never stall the desk.
 */
async function hashSecret(secret: string, salt: string): Promise<string> {
  return (await scryptAsync(secret, Buffer.from(salt, 'hex'), 32, { N: 16384, r: 8, p: 1 })).toString('hex');
}

export async function newStoredSecret(secret: string): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  return JSON.stringify({ salt, hash: await hashSecret(secret, salt) } satisfies StoredSecret);
}

/** Wrong tries in a row and when the next is allowed: in the database, so a restart gives no fresh tries. */
interface PinTries {
  failures: number;
  retryAfter: number;
}
const TRIES_KEY = 'pinTries';

async function readTries(db: Db): Promise<PinTries> {
  const row = await db.selectFrom('security').select('value').where('key', '=', TRIES_KEY).executeTakeFirst();
  if (!row) return { failures: 0, retryAfter: 0 };
  const parsed = JSON.parse(row.value) as Partial<PinTries>;
  return { failures: Number(parsed.failures ?? 0), retryAfter: Number(parsed.retryAfter ?? 0) };
}

async function writeTries(db: Db, tries: PinTries): Promise<void> {
  const value = JSON.stringify(tries);
  await db.insertInto('security').values({ key: TRIES_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function storedSecret(db: Db, key: string): Promise<StoredSecret | null> {
  const row = await db.selectFrom('security').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as StoredSecret) : null;
}

const storedPin = (db: Db) => storedSecret(db, PIN_KEY);

/** Stores the PIN (a new salt each time). */
export async function writePin(db: Db, pin: string): Promise<void> {
  const value = await newStoredSecret(pin);
  await db.insertInto('security').values({ key: PIN_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Forgets the PIN and its recovery code together: a code outliving its PIN would open the next one. */
export async function clearPin(db: Db): Promise<void> {
  await db.deleteFrom('security').where('key', 'in', [PIN_KEY, RECOVERY_KEY]).execute();
}

export async function isPinSet(db: Db): Promise<boolean> {
  return (await storedPin(db)) !== null;
}

export function isUnlocked(ctx: ServiceContext): boolean {
  return ctx.now().getTime() < ctx.session.unlockedUntil;
}

/** A guarded action keeps the desk unlocked for the next few minutes of the same work. */
export function renewUnlock(ctx: ServiceContext): void {
  if (isUnlocked(ctx)) ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
}

function toOperator(row: { id: number; name: string; active: number; created_at: number; last_seen_at: number | null }): Operator {
  return { id: row.id, name: row.name, active: row.active === 1, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}

export async function listOperators(ctx: ServiceContext): Promise<Operator[]> {
  const rows = await ctx.db
    .selectFrom('operators')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy((eb) => eb.fn.coalesce('last_seen_at', eb.lit(0)), 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toOperator);
}

export async function sessionInfo(ctx: ServiceContext): Promise<SessionInfo> {
  return {
    operator: ctx.session.operator,
    operators: (await listOperators(ctx)).filter((o) => o.active),
    pinSet: await isPinSet(ctx.db),
    recoveryCodeSet: (await storedSecret(ctx.db, RECOVERY_KEY)) !== null,
    unlockedUntil: isUnlocked(ctx) ? ctx.session.unlockedUntil : null,
  };
}

/** Someone takes the desk: a new name becomes an operator; the PIN's unlock does not carry over. */
export async function beginSession(ctx: ServiceContext, input: z.output<typeof sessionBeginInput>): Promise<SessionInfo> {
  const at = ctx.now().getTime();
  // The log says who took the desk, not who had it before.
  const request = currentRequest();
  if (request) request.operator = input.operator;
  const name = await ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('operators').selectAll().where('name', '=', input.operator).executeTakeFirst();
    if (found && found.active !== 1) throw refuse('security.errors.operatorInactive', { name: found.name }, 'operator');
    if (found) {
      await trx.updateTable('operators').set({ last_seen_at: at }).where('id', '=', found.id).execute();
      return found.name;
    }
    await trx.insertInto('operators').values({ name: input.operator, created_at: at, last_seen_at: at }).execute();
    return input.operator;
  });
  ctx.session.operator = name;
  ctx.session.unlockedUntil = 0;
  return sessionInfo(ctx);
}

/**
 * Wrong PINs are counted, in the database (a restart gives no fresh tries); after MAX_TRIES the
 * next try waits, so the PIN cannot be walked. Every wrong try is in the audit log (the count,
 * never the digits typed). A wrong recovery code counts against the same tries: one can't be
 * tried while the other waits.
 */
export async function checkSecret(
  ctx: ServiceContext,
  stored: StoredSecret,
  given: string,
  how: { field: string; wrong: string; rowId: string },
): Promise<void> {
  const now = ctx.now().getTime();
  const tries = await readTries(ctx.db);
  if (now < tries.retryAfter) {
    throw refuse('security.errors.tooManyTries', { seconds: Math.ceil((tries.retryAfter - now) / 1000) }, how.field);
  }
  const hashed = Buffer.from(await hashSecret(given, stored.salt), 'hex');
  if (timingSafeEqual(hashed, Buffer.from(stored.hash, 'hex'))) {
    if (tries.failures > 0 || tries.retryAfter > 0) await writeTries(ctx.db, { failures: 0, retryAfter: 0 });
    return;
  }
  const failures = tries.failures + 1;
  const locked = failures >= MAX_TRIES;
  await ctx.db.transaction().execute(async (trx) => {
    await writeTries(trx, locked ? { failures: 0, retryAfter: now + RETRY_WAIT_MS } : { failures, retryAfter: 0 });
    await recordAuditEvent(trx, { table: 'security', rowId: how.rowId, before: { wrongTries: tries.failures }, after: { wrongTries: failures, ...(locked ? { waitSeconds: RETRY_WAIT_MS / 1000 } : {}) } });
  });
  if (locked) throw refuse('security.errors.tooManyTries', { seconds: RETRY_WAIT_MS / 1000 }, how.field);
  throw refuse(how.wrong, { left: MAX_TRIES - failures }, how.field);
}

const checkPin = (ctx: ServiceContext, stored: StoredSecret, pin: string, field: string) =>
  checkSecret(ctx, stored, pin, { field, wrong: 'security.errors.wrongPin', rowId: 'pin' });

/** The current PIN must be given (changing it, removing it, a new recovery code), however unlocked. */
export async function requireCurrentPin(ctx: ServiceContext, current: string | null): Promise<void> {
  const stored = await storedPin(ctx.db);
  if (!stored) throw refuse('security.errors.noPinSet', undefined, 'current');
  if (current === null) throw refuse('security.errors.currentPinRequired', undefined, 'current');
  await checkPin(ctx, stored, current, 'current');
}

export async function unlock(ctx: ServiceContext, input: z.output<typeof sessionUnlockInput>): Promise<SessionInfo> {
  const stored = await storedPin(ctx.db);
  if (!stored) throw refuse('security.errors.noPinSet');
  await checkPin(ctx, stored, input.pin, 'pin');
  ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
  return sessionInfo(ctx);
}

export async function lock(ctx: ServiceContext): Promise<SessionInfo> {
  ctx.session.unlockedUntil = 0;
  return sessionInfo(ctx);
}

export async function updateOperator(ctx: ServiceContext, input: z.output<typeof operatorUpdateInput>): Promise<Operator> {
  return ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('operators').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!found) {
      throw notFound('security.errors.operatorNotFound');
    }
    if (input.name !== undefined && input.name.toLowerCase() !== found.name.toLowerCase()) {
      const clash = await trx.selectFrom('operators').select('id').where('name', '=', input.name).executeTakeFirst();
      if (clash) throw refuse('security.errors.operatorExists', { name: input.name }, 'name');
    }
    await trx
      .updateTable('operators')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      })
      .where('id', '=', input.id)
      .execute();
    const row = await trx.selectFrom('operators').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    // The person at the desk keeps the name they were renamed to.
    if (ctx.session.operator === found.name) ctx.session.operator = row.active === 1 ? row.name : null;
    return toOperator(row);
  });
}

/**
 * The last resort for a forgotten PIN whose recovery code is lost too (pin-recovery.ts is the
 * way the desk is shown): starting the app once with --reset-admin-pin clears it. Whoever can start the app with a flag can also
 * open the file itself: the PIN keeps mistakes and casual hands out, not someone at the disk.
 * The clearing is in the audit log, stamped with the flag.
 */
export async function resetPinAtStart(ctx: ServiceContext): Promise<boolean> {
  if (!(await isPinSet(ctx.db))) return false;
  const request = { at: ctx.now().getTime(), operator: '', channel: 'session:setPin', elevated: false, pinSet: true, input: { reset: '--reset-admin-pin' } };
  await runAsRequest(request, () => clearPin(ctx.db));
  ctx.logger.warn('the admin PIN was cleared at start-up (--reset-admin-pin)');
  return true;
}
