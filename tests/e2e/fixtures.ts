import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { CHANNELS } from '../../shared/contract';
import { openTestBackend, type TestBackend } from '../support/backend';
import { tempDataDir } from '../support/temp';

// The e2e run builds the app first: documents are drawn by the built worker, as in the app,
// instead of a worker compiling the TypeScript sources at each test's first document.
const WORKER_ENTRY = resolve('out/main/document-worker.js');

/**
 * The built renderer in Chromium, with `window.api` bridged to a real backend on a real SQLite
 * file in this test process. Only the transport (IPC → exposeBinding) and the Platform differ
 * from the desktop app.
 */
export async function bridge(page: Page, backend: TestBackend): Promise<void> {
  await page.exposeBinding('__deskInvoke', (_source, channel: unknown, input: unknown) => backend.invoke(channel, input));
  await page.addInitScript((channels: string[]) => {
    const invoke = (globalThis as unknown as { __deskInvoke: (c: string, i: unknown) => Promise<unknown> }).__deskInvoke;
    (globalThis as unknown as { api: unknown }).api = Object.fromEntries(
      channels.map((channel) => [channel, (input: unknown) => invoke(channel, input)]),
    );
  }, CHANNELS as string[]);
}

export interface DeskOptions {
  /** Who has taken the desk before the page opens; null leaves the start screen asking. */
  operator: string | null;
  /** The first-start setup was gone through; false shows it, as a new install does. */
  setupDone: boolean;
}

export const test = base.extend<DeskOptions & { dataDir: string; backend: TestBackend; desk: Page }>({
  operator: ['王芳', { option: true }],
  setupDone: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    await use(tempDataDir('e2e'));
  },
  backend: async ({ dataDir }, use) => {
    const backend = await openTestBackend(dataDir, undefined, { documents: { workerEntry: WORKER_ENTRY } });
    await use(backend);
    await backend.close();
  },
  desk: async ({ page, backend, operator, setupDone }, use) => {
    await bridge(page, backend);
    if (operator !== null) await backend.ok('session:begin', { operator });
    // Written straight to the settings table (outside a request, so not an entry in the audit
    // log): the tests of other screens start from a desk that went through its first start.
    if (setupDone) backend.store.sqlite.prepare("insert into settings (key, value) values ('setupDone', 'true') on conflict (key) do update set value = excluded.value").run();
    // Animations off: screenshots and clicks must not race a transition.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await use(page);
  },
});

export { expect };
