import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { dataPaths, openDeskTestBackend, openTestBackend } from '../support/backend';
import { person } from '../support/sample';
import { tempDataDir } from '../support/temp';
import { bridge, expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A desk with 王芳 in a backup and 李四 entered after it. */
async function seeded(clock: { now: Date }) {
  const dir = tempDataDir('e2e-recovery');
  const backend = await openTestBackend(dir, () => clock.now);
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900001111' }] }));
  clock.now = new Date(clock.now.getTime() + 30 * 60 * 1000);
  const backup = await backend.ok('backups:create', {});
  await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13700002222' }] }));
  await backend.close();
  return { dir, dbPath: dataPaths(dir).dbPath, backup };
}

test('a damaged database opens on the recovery screen, and the newest good backup is restored through it', async ({ page }, testInfo) => {
  const clock = { now: new Date(2026, 8, 18, 9, 0) };
  const { dir, dbPath, backup } = await seeded(clock);
  // Random bytes over the customers table: the file still says "SQLite", its data does not hold.
  const raw = new Database(dbPath, { readonly: true });
  const { rootpage } = raw.prepare("select rootpage from sqlite_master where name = 'customers'").get() as { rootpage: number };
  raw.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, randomBytes(4096), 0, 4096, (rootpage - 1) * 4096);
  closeSync(fd);
  const before = sha(dbPath);

  const desk = await openDeskTestBackend(dir);
  expect(desk.mode).toBe('recovery');
  const problems = watchPage(page);
  await bridge(page, desk);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');

  const screen = page.getByTestId('recovery-screen');
  await expect(screen.getByRole('heading', { name: '数据库无法打开' })).toBeVisible();
  await expect(screen).toContainText('数据库文件已损坏');
  await expect(screen).toContainText('软件没有修改、修复或删除这个文件');
  await expect(page.getByTestId('recovery-backup')).toContainText('客户 1 · 设备 0 · 工单 0');
  await page.getByText('给技术支持的详细信息').click();
  await expect(page.getByTestId('recovery-file')).toHaveText(dbPath);
  await screenshot(page, testInfo, 'recovery-zh', true);

  await screen.getByText('English').click();
  await expect(screen.getByRole('heading', { name: 'The database cannot be opened' })).toBeVisible();
  await expect(page.getByTestId('recovery-backup')).toContainText('1 customers · 0 units · 0 tickets');
  await screenshot(page, testInfo, 'recovery-en', true);

  await screen.getByRole('button', { name: 'Restore this backup' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from the backup?' });
  await expect(dialog).toContainText('renamed and kept in its folder, never deleted');
  await screenshot(page, testInfo, 'recovery-confirm-en', true);
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();

  // The window reloads into the normal app, on the backup's data (in the backup's language).
  await expect(page.getByTestId('recovery-screen')).toBeHidden();
  expect(desk.mode).toBe('ok');
  // A fresh start of the desk: whoever is on duty is chosen again (here from the test side).
  await desk.ok('session:begin', { operator: '王芳' });
  await page.goto('/#/customers');
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: '139 0000 1111' })).toContainText('王芳');
  await expect(page.getByText('李四')).toHaveCount(0);
  await screenshot(page, testInfo, 'recovery-restored', true);
  const kept = readdirSync(dir).find((f) => /^desk\.damaged-\d{8}-\d{6}\.sqlite$/.test(f));
  expect(kept).toBeDefined();
  expect(sha(`${dir}/${kept}`)).toBe(before);
  expect((await desk.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['王芳']);
  expect(backup.check).toBe('ok');
  expect(problems).toEqual([]);
  await desk.close();
});

test('a weekly check that finds damage shows a red banner; its backup is restored from there, and Settings shows the check', async ({ page }, testInfo) => {
  const clock = { now: new Date(2026, 8, 1, 9, 0) };
  const { dir, dbPath } = await seeded(clock);
  // An index that no longer agrees with its table: quick_check passes, integrity_check does not.
  const raw = new Database(dbPath);
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  raw.prepare("update sqlite_master set sql = 'CREATE INDEX customer_phones_phone ON customer_phones (customer_id)' where name = 'customer_phones_phone'").run();
  raw.pragma('writable_schema = OFF');
  raw.close();

  clock.now = new Date(2026, 8, 9, 9, 0);
  const backend = await openTestBackend(dir, () => clock.now);
  expect((await backend.ok('health:status', {})).lastFullCheck?.ok).toBe(false);
  await backend.ok('session:begin', { operator: '王芳' });
  const problems = watchPage(page);
  await bridge(page, backend);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');

  const banner = page.getByTestId('health-banner');
  await expect(banner).toContainText('每周数据检查发现数据库有损坏');
  await screenshot(page, testInfo, 'health-banner-zh', true);
  await banner.getByRole('button', { name: '查看数据检查' }).click();
  await page.getByRole('tab', { name: '数据检查' }).click();
  await expect(page.getByTestId('health-last')).toContainText('发现');
  await screenshot(page, testInfo, 'health-panel-zh', true);

  await backend.ok('settings:update', { language: 'en' });
  await page.reload();
  await page.getByRole('tab', { name: 'Data check' }).click();
  await expect(page.getByTestId('health-banner')).toContainText('The weekly data check found damage');
  await screenshot(page, testInfo, 'health-panel-en', true);

  await page.getByTestId('health-banner').getByRole('button', { name: 'Restore backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from the backup' });
  await dialog.getByRole('button', { name: 'Back up current data and restore' }).click();
  await expect(page.getByTestId('health-banner')).toBeHidden();
  await expect(page.getByTestId('health-last')).toContainText('完好');
  await screenshot(page, testInfo, 'health-panel-restored-zh', true);
  // The restored database holds the backup: 王芳, not 李四.
  expect((await backend.ok('customers:list', {})).items.map((c) => c.name)).toEqual(['王芳']);
  expect(problems).toEqual([]);
  await backend.close();
});

test('a database open at another desk: the screen names that desk, offers no restore, and opens once it is closed', async ({ page }, testInfo) => {
  const clock = { now: new Date(2026, 8, 18, 9, 0) };
  const { dir, dbPath } = await seeded(clock);
  // The app on another PC has the file open and renewed its lock a moment ago.
  writeFileSync(`${dbPath}.lock`, JSON.stringify({ host: 'FRONT-DESK-2', pid: 4242, user: 'wangfang', since: Date.now(), heartbeat: Date.now() }));
  const desk = await openDeskTestBackend(dir);
  expect(desk.mode).toBe('recovery');
  const problems = watchPage(page);
  await bridge(page, desk);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toContainText('正由另一个前台');
  await expect(page.getByTestId('recovery-in-use')).toContainText('FRONT-DESK-2 (wangfang)');
  await expect(screen.getByRole('button', { name: '从这份备份恢复' })).toHaveCount(0);
  await screenshot(page, testInfo, 'recovery-in-use-zh', true);

  // Closed there: the lock is gone, and "try again" opens the data as it was.
  rmSync(`${dbPath}.lock`);
  await screen.getByRole('button', { name: '再试一次' }).click();
  await expect(page.getByTestId('recovery-screen')).toBeHidden();
  expect(desk.mode).toBe('ok');
  expect((await desk.ok('customers:list', {})).total).toBe(2);
  expect(problems).toEqual([]);
  await desk.close();
});
