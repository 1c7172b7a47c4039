import { resolve } from 'node:path';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';
import { tempDataDir } from '../support/temp';
import { bridge, expect, test } from './fixtures';
import { watchPage } from './page-helpers';

/*
 * Issue 23 (memory): the document worker is let go when the desk is left alone, whatever the
 * pages keep refreshing, and is back warming up as soon as the clerk touches a key or the mouse,
 * so the card printed next comes out as ever.
 */

test('the document worker leaves a desk left alone and is back at the clerk’s first key or click', async ({ page }) => {
  const problems = watchPage(page);
  let backend: TestBackend | undefined;
  try {
    backend = await openTestBackend(tempDataDir('e2e-worker-idle'), undefined, {
      documents: { workerEntry: resolve('out/main/document-worker.js'), warmUp: true, idleStopMs: 1_500 },
    });
    const b = backend;
    await b.ok('session:begin', { operator: '王芳' });
    await b.ok('settings:update', { companyName: '杭州暖风空调服务有限公司', hotline: '400-800-1234' });
    b.store.sqlite.prepare("insert into settings (key, value) values ('setupDone', 'true') on conflict (key) do update set value = excluded.value").run();
    const customer = await b.ok('customers:create', person({ name: '张三丰' }));
    const model = await seedModel(b);
    const unit = await b.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
    await bridge(page, b);
    await page.goto(`/#/units/${unit.id}`);
    await expect(page.getByText('GL2026A0001').first()).toBeVisible();
    // Nobody at the desk: the page's requests went on, the worker went.
    await expect.poll(() => b.documents.mode, { timeout: 15_000 }).toBe('idle');
    // A key pressed: it starts again and warms up before "print" is reached.
    await page.keyboard.press('Shift');
    await expect.poll(() => b.documents.mode, { timeout: 5_000 }).toBe('worker');
    await expect.poll(() => b.documents.mode, { timeout: 15_000 }).toBe('idle');
    // A click does the same (a fresh page: a window tells the backend at most every 10 s).
    await page.reload();
    await expect(page.getByText('GL2026A0001').first()).toBeVisible();
    await expect.poll(() => b.documents.mode, { timeout: 15_000 }).toBe('idle');
    await page.mouse.click(600, 400);
    await expect.poll(() => b.documents.mode, { timeout: 5_000 }).toBe('worker');
    expect(problems).toEqual([]);
  } finally {
    await backend?.close();
  }
});
