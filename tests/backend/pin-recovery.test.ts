import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TRIES, RETRY_WAIT_MS } from '../../electron/backend/domains/admin/session';
import { formatRecoveryCode, normaliseRecoveryCode } from '../../shared/schemas/security';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

/* A forgotten admin PIN cleared with the recovery code shown once when it was set (issue 13). */

const PIN = '2580';
let clock = new Date('2026-11-22T09:30:00+08:00');
let backend: TestBackend;

beforeEach(async () => {
  clock = new Date('2026-11-22T09:30:00+08:00');
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('settings:update', { companyName: '安信机电', hotline: '4008001234' });
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

const securityRows = () => backend.store.sqlite.prepare('select key, value from security order by key').all() as { key: string; value: string }[];
/** A code of the right shape that is not the one issued. */
const otherCode = (code: string) => (code[0] === 'A' ? 'B' : 'A') + code.slice(1);

async function setFirstPin(): Promise<string> {
  const set = await backend.ok('session:setPin', { next: PIN });
  expect(set.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  await backend.ok('session:lock', {});
  return set.recoveryCode!;
}

describe('the recovery code', () => {
  it('is shown once when the first PIN is set; only its hash is kept, and the log never sees it', async () => {
    const code = await setFirstPin();
    expect((await backend.ok('session:get', {})).recoveryCodeSet).toBe(true);
    const stored = securityRows().find((r) => r.key === 'adminRecovery')!;
    expect(stored.value).not.toContain(code);
    expect(Object.keys(JSON.parse(stored.value) as object).sort()).toEqual(['hash', 'salt']);
    // Changing the PIN keeps the code: it belongs to the owner, not to the digits.
    await backend.ok('session:unlock', { pin: PIN });
    const changed = await backend.ok('session:setPin', { current: PIN, next: '13579' });
    expect(changed.recoveryCode).toBeNull();
    expect(securityRows().find((r) => r.key === 'adminRecovery')!.value).toBe(stored.value);

    await backend.ok('session:recover', { code });
    const sqlite = backend.store.sqlite;
    const leaks = sqlite.prepare('select count(*) as n from audit_changes where request like ?').get(`%${code}%`) as { n: number };
    const rowLeaks = sqlite.prepare('select count(*) as n from audit_rows where before like ? or after like ?').get(`%${code}%`, `%${code}%`) as { n: number };
    expect(leaks.n + rowLeaks.n).toBe(0);
    expect(backend.logger.lines.some((l) => l.message.includes(code))).toBe(false);
  });

  it('clears the PIN and itself when right, however it is typed; the log records it; a new PIN brings a new code', async () => {
    const code = await setFirstPin();
    const customer = await backend.ok('customers:create', person());
    // Lower case, spaces and full-width dashes as a clerk may type them from the sheet.
    const typed = formatRecoveryCode(code).toLowerCase().replace(/-/g, ' － ');
    expect(normaliseRecoveryCode(typed)).toBe(code);
    const after = await backend.ok('session:recover', { code: typed });
    expect(after).toMatchObject({ pinSet: false, recoveryCodeSet: false, unlockedUntil: null });
    expect(securityRows().map((r) => r.key)).not.toContain('adminPin');
    expect(securityRows().map((r) => r.key)).not.toContain('adminRecovery');
    // Used once: the same code does nothing now.
    expect((await backend.fails('session:recover', { code })).details.message?.key).toBe('security.errors.noPinSet');

    const [logged] = (await backend.ok('audit:list', { channel: 'session:recover' })).items;
    expect(logged).toMatchObject({ operator: '王芳', channel: 'session:recover', request: JSON.stringify({ code: '••••' }) });
    const detail = await backend.ok('audit:get', { id: logged!.id });
    expect(detail.rows.map((r) => [r.table, r.op, (r.before ?? r.after)?.key]).sort()).toEqual([
      ['security', 'delete', 'adminPin'],
      ['security', 'delete', 'adminRecovery'],
    ]);
    expect(backend.logger.lines.some((l) => l.level === 'warn' && /recovery code/.test(l.message))).toBe(true);

    const next = await backend.ok('session:setPin', { next: '97531' });
    expect(next.recoveryCode).not.toBeNull();
    expect(next.recoveryCode).not.toBe(code);
    // The data was never touched, and the new PIN guards as before.
    await backend.ok('session:lock', {});
    expect((await backend.fails('customers:delete', { id: customer.id })).code).toBe('PIN_REQUIRED');
  });

  it('changes nothing when wrong, and counts with the PIN’s tries: after five wrong (PIN or code) the next waits a minute', async () => {
    const code = await setFirstPin();
    const before = securityRows().filter((r) => r.key !== 'pinTries');
    const wrong = await backend.fails('session:recover', { code: otherCode(code) });
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.details.message).toEqual({ key: 'security.errors.wrongRecoveryCode', params: { left: MAX_TRIES - 1 } });
    expect(wrong.details.fields?.code).toBeDefined();
    // A malformed code is refused before it costs a try.
    expect((await backend.fails('session:recover', { code: 'NOT-A-CODE' })).details.fields?.code?.[0]?.key).toBe('validation.recoveryCodeFormat');
    // Wrong PINs and wrong codes share one count.
    for (let i = 0; i < MAX_TRIES - 2; i++) await backend.fails('session:unlock', { pin: '1111' });
    const fifth = await backend.fails('session:recover', { code: otherCode(code) });
    expect(fifth.details.message?.key).toBe('security.errors.tooManyTries');
    // Waiting: even the right code is not tried.
    const waiting = await backend.fails('session:recover', { code });
    expect(waiting.details.message).toEqual({ key: 'security.errors.tooManyTries', params: { seconds: RETRY_WAIT_MS / 1000 } });
    expect(securityRows().filter((r) => r.key !== 'pinTries')).toEqual(before);
    expect((await backend.ok('session:get', {})).pinSet).toBe(true);
    // A restart gives no fresh tries.
    const dir = backend.dir;
    await backend.close();
    backend = await openTestBackend(dir, () => clock);
    expect((await backend.fails('session:recover', { code })).details.message?.key).toBe('security.errors.tooManyTries');
    // Each wrong code is in the log as a count.
    const tries = (await backend.ok('audit:list', { channel: 'session:recover' })).items;
    expect(tries).toHaveLength(2);
    clock = new Date(clock.getTime() + RETRY_WAIT_MS);
    expect((await backend.ok('session:recover', { code })).pinSet).toBe(false);
  });

  it('can be made anew for the current PIN (a lost sheet, or a PIN older than codes); the old one stops working', async () => {
    const first = await setFirstPin();
    expect((await backend.fails('session:newRecoveryCode', { current: '1111' })).details.message?.key).toBe('security.errors.wrongPin');
    const renewed = await backend.ok('session:newRecoveryCode', { current: PIN });
    expect(renewed.recoveryCode).not.toBe(first);
    await backend.ok('session:lock', {});
    expect((await backend.fails('session:recover', { code: first })).details.message?.key).toBe('security.errors.wrongRecoveryCode');
    // A PIN set before codes existed: none to use, so the prompt says what else there is.
    backend.store.sqlite.prepare("delete from security where key = 'adminRecovery'").run();
    expect((await backend.ok('session:get', {})).recoveryCodeSet).toBe(false);
    expect((await backend.fails('session:recover', { code: first })).details.message?.key).toBe('security.errors.noRecoveryCode');
  });

  it('goes with the PIN when the PIN is removed, and with --reset-admin-pin', async () => {
    await setFirstPin();
    expect((await backend.ok('session:setPin', { current: PIN, next: null })).recoveryCodeSet).toBe(false);
    expect(securityRows().map((r) => r.key)).not.toContain('adminRecovery');
    await setFirstPin();
    const dir = backend.dir;
    await backend.close();
    backend = await openTestBackend(dir, () => clock, { resetAdminPin: true });
    expect(await backend.ok('session:get', {})).toMatchObject({ pinSet: false, recoveryCodeSet: false });
  });

  it('is saved as a text file or printed on one A4 sheet, only when it is the real code', async () => {
    const code = await setFirstPin();
    backend.platform.saveAnswer = join(backend.dir, 'code.txt');
    expect((await backend.fails('session:keepRecoveryCode', { code: otherCode(code), how: 'save', language: 'zh-CN' })).details.message?.key).toBe('security.errors.wrongRecoveryCode');
    const saved = await backend.ok('session:keepRecoveryCode', { code, how: 'save', language: 'zh-CN' });
    expect(saved).toEqual({ how: 'save', file: join(backend.dir, 'code.txt') });
    const text = readFileSync(join(backend.dir, 'code.txt'), 'utf8');
    expect(text).toContain(formatRecoveryCode(code));
    expect(text).toContain('安信机电');
    expect(text).toContain('忘记密码？');
    // Never over the desk's own files.
    backend.platform.saveAnswer = join(backend.dir, 'desk.sqlite');
    expect((await backend.fails('session:keepRecoveryCode', { code, how: 'save', language: 'en' })).code).toBe('FORBIDDEN');

    const printed = await backend.ok('session:keepRecoveryCode', { code, how: 'print', language: 'en' });
    expect(printed).toEqual({ how: 'print', printer: 'tray' });
    const [sheet] = backend.platform.printed;
    expect(sheet!.paper).toBe('A4');
    const pdf = execFileSync('pdftotext', ['-layout', sheet!.copy, '-'], { encoding: 'utf8' });
    expect(pdf).toContain(formatRecoveryCode(code));
    expect(pdf).toContain('Admin PIN recovery code');
    // The CJK font draws curly quotes a full em wide, gaping in an English line: straight ones.
    expect(pdf).toContain('"Forgot the PIN?"');
    expect(pdf).not.toMatch(/[\u2018\u2019\u201c\u201d]/);
    expect(execFileSync('pdfinfo', [sheet!.copy], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    // The temporary PDF with the code in it is gone; only the test tray's copy remains.
    expect(() => readFileSync(sheet!.file)).toThrow();
  });
});
