import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { TestBackend } from '../support/backend';
import { openedSheet } from '../support/import-sheet';
import { phoneTicket, seedModel } from '../support/sample';
import { expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/*
 * Issue 23: an import cut short that the start could not take back (the clerk's ticket holds one
 * of its customers) is said on every page until read, and marked on its line of the import screen.
 */

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), '.test-output', 'screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  mkdirSync(SCREENSHOTS, { recursive: true });
  copyFileSync(file, join(SCREENSHOTS, `${name}.png`));
}

/** Ten customers imported, a ticket on one, and the batch as the start leaves one it could not take back. */
async function cutShortImport(backend: TestBackend): Promise<void> {
  await backend.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
  await seedModel(backend);
  await backend.ok('import:commit', await openedSheet(backend, 10));
  const customer = (await backend.ok('search:query', { query: '导入客户3', limit: 5 })).find((h) => h.kind === 'customer')!;
  await backend.ok('tickets:create', phoneTicket(customer.id));
  // Outside a request: what keepCutShort writes at a start (its own test: import-guard.test.ts).
  backend.store.sqlite.prepare('update import_batches set cut_short_at = created_at').run();
}

test.use({ viewport: { width: 1366, height: 768 } });

test('an import cut short is said on every page until read, and stays marked on the import screen', async ({ desk, backend }, testInfo) => {
  const problems = watchPage(desk);
  await cutShortImport(backend);
  await desk.goto('/#/desk');
  await desk.reload();
  const note = desk.getByTestId('import-cut-short');
  await expect(note).toContainText('sheet-10-0.xlsx');
  await expect(note).toContainText('10 位客户、10 台设备没能撤回');
  await screenshot(desk, testInfo, 'import-cut-short-desk-zh');
  await note.getByRole('button', { name: '打开导入页' }).click();
  await expect(desk.getByRole('navigation').getByRole('button', { name: '导入 Excel' })).toHaveAttribute('aria-current', 'page');
  await expect(desk.getByTestId('batch-cut-short')).toHaveText('未导完');
  await expect(desk.getByTestId('recent-imports')).toContainText('撤销前会列出用到它的记录');

  await backend.ok('settings:update', { language: 'en' });
  await desk.reload();
  await expect(note).toContainText('The 10 customers and 10 units it had written could not be taken back');
  await expect(desk.getByTestId('batch-cut-short')).toHaveText('Cut short');
  await desk.getByTestId('recent-imports').scrollIntoViewIfNeeded();
  await screenshot(desk, testInfo, 'import-cut-short-import-en');
  await note.getByRole('button', { name: 'Got it' }).click();
  await expect(note).toHaveCount(0);
  // Read: the note goes, the batch's line keeps saying it.
  await expect(desk.getByTestId('batch-cut-short')).toHaveText('Cut short');
  await backend.ok('settings:update', { language: 'zh-CN' });
  await desk.reload();
  await expect(desk.getByTestId('batch-cut-short')).toHaveText('未导完');
  await expect(note).toHaveCount(0);
  await screenshot(desk, testInfo, 'import-cut-short-import-zh');
  expect(problems).toEqual([]);
});
