import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { formatDateTime } from '../../../../shared/format';
import { translator } from '../../../../shared/i18n';
import {
  RECOVERY_ALPHABET,
  RECOVERY_CODE_LENGTH,
  formatRecoveryCode,
  type KeptRecoveryCode,
  type PinSetResult,
  type SessionInfo,
  type keepRecoveryCodeInput,
  type newRecoveryCodeInput,
  type sessionRecoverInput,
  type setPinInput,
} from '../../../../shared/schemas/security';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import { AppError, refusal, refuse } from '../../lib/errors';
import { assertSaveTarget } from './owned-files';
import {
  RECOVERY_KEY,
  UNLOCK_MS,
  checkSecret,
  clearPin,
  isPinSet,
  newStoredSecret,
  requireCurrentPin,
  sessionInfo,
  storedSecret,
  writePin,
} from './session';
import { getSettings } from './settings';

/*
 * A forgotten PIN without a command line (issue 13): when a PIN is first set, the desk shows a
 * recovery code once and keeps only its hash. Typed into "Forgot the PIN?", the code clears the
 * PIN and itself (logged like --reset-admin-pin) and the desk asks for a new PIN, which comes
 * with a new code. The code is 80 random bits: it is counted against the PIN's tries anyway.
 */

function newRecoveryCode(): string {
  return Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
}

/** Makes a code, keeps its hash (replacing any older code) and gives the code back: the only time it exists in clear. */
async function issueRecoveryCode(db: Db): Promise<string> {
  const code = newRecoveryCode();
  const value = await newStoredSecret(code);
  await db.insertInto('security').values({ key: RECOVERY_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return code;
}

/**
 * The first PIN needs none; changing or removing one needs the current one, however unlocked.
 * A PIN set where there was none comes with a new recovery code; a changed PIN keeps its code
 * (it belongs to the owner, not to the digits); a removed PIN takes its code with it.
 */
export async function setPin(ctx: ServiceContext, input: z.output<typeof setPinInput>): Promise<PinSetResult> {
  const first = !(await isPinSet(ctx.db));
  if (!first) await requireCurrentPin(ctx, input.current);
  else if (input.next === null) throw refuse('security.errors.noPinSet', undefined, 'next');
  const next = input.next;
  if (next === null) {
    await clearPin(ctx.db);
    ctx.session.unlockedUntil = 0;
    return { ...(await sessionInfo(ctx)), recoveryCode: null };
  }
  const recoveryCode = await ctx.db.transaction().execute(async (trx) => {
    await writePin(trx, next);
    return first ? issueRecoveryCode(trx) : null;
  });
  // They have just proved they know it.
  ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
  return { ...(await sessionInfo(ctx)), recoveryCode };
}

/** The printed code was lost (or the PIN predates codes): a new one replaces it, for the current PIN. */
export async function replaceRecoveryCode(ctx: ServiceContext, input: z.output<typeof newRecoveryCodeInput>): Promise<PinSetResult> {
  await requireCurrentPin(ctx, input.current);
  const recoveryCode = await issueRecoveryCode(ctx.db);
  ctx.session.unlockedUntil = ctx.now().getTime() + UNLOCK_MS;
  return { ...(await sessionInfo(ctx)), recoveryCode };
}

async function storedCode(ctx: ServiceContext, field: string) {
  if (!(await isPinSet(ctx.db))) throw refuse('security.errors.noPinSet', undefined, field);
  const stored = await storedSecret(ctx.db, RECOVERY_KEY);
  if (!stored) throw refuse('security.errors.noRecoveryCode', undefined, field);
  return stored;
}

const checkCode = async (ctx: ServiceContext, code: string) =>
  checkSecret(ctx, await storedCode(ctx, 'code'), code, { field: 'code', wrong: 'security.errors.wrongRecoveryCode', rowId: 'recoveryCode' });

/** The right code clears the PIN and the code (one use), in one transaction the audit log records. */
export async function recoverPin(ctx: ServiceContext, input: z.output<typeof sessionRecoverInput>): Promise<SessionInfo> {
  await checkCode(ctx, input.code);
  // checkSecret has already reset the count of wrong tries.
  await clearPin(ctx.db);
  ctx.session.unlockedUntil = 0;
  ctx.logger.warn('the admin PIN was cleared with its recovery code');
  return sessionInfo(ctx);
}

/**
 * Saves the code just shown as a text file, or prints it on one sheet. The renderer holds the
 * code only while it is on screen; it is checked against the stored hash first, so nothing but
 * the real code is written or printed.
 */
export async function keepRecoveryCode(ctx: ServiceContext, input: z.output<typeof keepRecoveryCodeInput>): Promise<KeptRecoveryCode | null> {
  await checkCode(ctx, input.code);
  const t = translator(input.language);
  const { companyName } = await getSettings(ctx);
  const printedAt = formatDateTime(ctx.now().getTime(), input.language);
  if (input.how === 'save') {
    const chosen = await ctx.platform.chooseSavePath(`${t('security.recovery.fileName')}.txt`, [{ name: 'Text', extensions: ['txt'] }]);
    if (!chosen) return null;
    const target = await assertSaveTarget(ctx, chosen);
    const lines = [companyName, t('security.recovery.sheetTitle'), '', formatRecoveryCode(input.code), '', t('security.recovery.sheetIntro'), t('security.recovery.sheetHow'), t('security.recovery.sheetKeep'), '', t('security.recovery.sheetPrinted', { at: printedAt })];
    // A BOM and CRLF: Notepad on an older Windows shows the Chinese and the lines as written.
    writeFileSync(target, `\uFEFF${lines.filter((line, i) => i > 0 || line).join('\r\n')}\r\n`, 'utf8');
    return { how: 'save', file: target };
  }
  const dir = mkdtempSync(join(tmpdir(), 'desk-recovery-'));
  try {
    const file = join(dir, 'recovery-code.pdf');
    const meta = { title: t('security.recovery.sheetTitle'), creator: t('appName'), producer: 'pdfmake' };
    const { pdf } = await ctx.documents.render({ kind: 'recoverySheet', facts: { code: input.code, companyName, printedAt }, language: input.language, meta });
    writeFileSync(file, pdf);
    const { printer } = await ctx.platform.printPdf(file, { paper: 'A4' });
    return { how: 'print', printer };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refusal('PLATFORM', 'errors.printFailed', { reason: (error as Error).message });
  } finally {
    // The spooler has its own copy by now; a key does not stay in the temp folder.
    rmSync(dir, { recursive: true, force: true });
  }
}
