import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../electron/backend/db/migrations';
import { backgroundHolds } from '../../electron/backend/domains/admin/background-holds';
import { openTestBackend, startTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';
import { tempDataDir } from '../support/temp';
import { bridge, expect, test } from './fixtures';
import { screenshot, watchPage } from './page-helpers';

/*
 * Issue 23: what the start leaves running beside the desk (an upgrade's index fill, the day's
 * backup) shows as a note above every page while it runs, and goes when it is done. The work is
 * real; a test hold (background-holds.ts) keeps it at one step until the screen has been seen,
 * since on a test-sized database it would end before the first look.
 */

/** Holds not yet released: a failed test lets them go, so the backend can close. */
const holding = new Set<() => void>();

/** A promise the test settles when it has seen enough. */
function hold(): { promise: Promise<void>; release: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const release = () => {
    holding.delete(release);
    resolve();
  };
  holding.add(release);
  return { promise, release };
}

const TEXT = {
  'zh-CN': { indexing: /正在为操作记录建立全文索引：0 \/ \d+/, backup: '正在后台备份今天的数据：检查副本', tab: '备份与恢复', done: /今天的备份已完成：.*MB（原文件 .*MB），用时 .* 秒/ },
  en: { indexing: /Indexing the activity log for full-text search: 0 \/ \d+/, backup: 'Backing up today’s data in the background: checking the copy', tab: 'Backups', done: /Today’s backup is done: .*MB \(.*MB uncompressed\) in .* s/ },
} as const;

for (const language of ['zh-CN', 'en'] as const) {
  test(`the start's background work shows while it runs and clears when done (${language})`, async ({ page }, testInfo) => {
    const problems = watchPage(page);
    const text = TEXT[language];
    const dir = tempDataDir('e2e-background');
    // Yesterday, on the build before the log's text index: a desk with a log of its own.
    const before0360 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0360'));
    const old = await openTestBackend(dir, () => new Date(Date.now() - 86_400_000), { migrations: before0360 });
    await old.ok('session:begin', { operator: '王芳' });
    await old.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234', language });
    for (let i = 0; i < 12; i++) await old.ok('customers:create', person({ name: `老客户${i}`, phones: [{ phone: `1391234${String(i).padStart(4, '0')}` }] }));
    old.store.sqlite.prepare("insert into settings (key, value) values ('setupDone', 'true') on conflict (key) do update set value = excluded.value").run();
    await old.close();

    // The page talks to whichever backend is open now.
    let backend: TestBackend | null = null;
    await bridge(page, { invoke: (channel: unknown, input: unknown) => backend!.invoke(channel, input) } as TestBackend);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const note = page.getByTestId('background-work');
    try {
      // Today's start on this build: the upgrade fills the log's text index beside the desk.
      const filling = hold();
      backgroundHolds.indexStep = filling.promise;
      backend = await startTestBackend(dir);
      expect(backend.migration.applied).toContain('0360_audit_phrases_import_steps');
      await backend.ok('session:begin', { operator: '王芳' });
      await page.goto('/');
      await expect(note).toContainText(text.indexing);
      await screenshot(page, testInfo, `background-indexing-${language}`, true);
      // The desk answers meanwhile.
      await page.goto('/#/customers');
      await expect(page.getByText('老客户11', { exact: true })).toBeVisible();
      await expect(note).toContainText(text.indexing);
      filling.release();
      backgroundHolds.indexStep = null;
      await expect(note).toBeHidden();
      await backend.maintenance;
      await backend.close();
      backend = null;

      // The next day's first start (no backup of today yet): the backup runs beside the desk.
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
      const checking = hold();
      backgroundHolds.backupCheck = checking.promise;
      backend = await startTestBackend(dir);
      await backend.ok('session:begin', { operator: '王芳' });
      await page.goto('/');
      await expect(note).toContainText(text.backup);
      await screenshot(page, testInfo, `background-backup-${language}`, true);
      checking.release();
      backgroundHolds.backupCheck = null;
      // Gone from the Desk when done; the backups screen says how it ended.
      await expect(note).toBeHidden();
      await backend.maintenance;
      await page.goto('/#/settings');
      await page.getByRole('tab', { name: text.tab }).click();
      await expect(note).toContainText(text.done);
      await screenshot(page, testInfo, `background-backup-done-${language}`, true);
    } finally {
      for (const release of [...holding]) release();
      backgroundHolds.indexStep = null;
      backgroundHolds.backupCheck = null;
      await backend?.close();
    }
    expect(problems).toEqual([]);
  });
}
