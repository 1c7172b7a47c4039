import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { fakeElectron, loadBundle } from '../support/fake-electron';
import { tempDataDir } from '../support/temp';

// These run the BUILT bundles (out/main, out/preload) under Node, with Electron's API recorded by
// a fake: the closest this machine gets to starting the app. See tests/support/fake-electron.ts.

test('the preload exposes one function per contract channel and requires nothing but electron', async () => {
  const { electron, recorded } = fakeElectron(tempDataDir('preload'));
  loadBundle(resolve('out/preload/index.js'), electron, () => false);
  const api = recorded.exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>;
  expect([...recorded.exposed.keys()]).toEqual(['api']);
  expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
  await api['search:query']!({ query: '张' });
  expect(recorded.invokes).toEqual([['search:query', { query: '张' }]]);
});

test('the main process starts hardened, migrates, and answers only its own window', async () => {
  const userData = tempDataDir('main');
  process.env.DESK_DB = join(userData, 'data', 'desk.sqlite');
  const { electron, recorded } = fakeElectron(userData);
  try {
    loadBundle(resolve('out/main/index.js'), electron);
    await expect.poll(() => recorded.windows[0]?.loaded ?? null).toBe('app://desk/index.html');
  } finally {
    delete process.env.DESK_DB;
  }
  expect(recorded.exitCode).toBeNull();
  expect(recorded.errorBoxes).toEqual([]);
  expect(existsSync(join(userData, 'data', 'desk.sqlite'))).toBe(true);

  // Window: isolated, sandboxed, no Node, preload from the built bundle.
  const win = recorded.windows[0]!;
  const prefs = win.options.webPreferences as Record<string, unknown>;
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(existsSync(prefs.preload as string)).toBe(true);

  // Session: permissions refused, CSP header added, app:// serves only the renderer folder.
  const granted: boolean[] = [];
  recorded.permissionRequest!({}, 'media', (ok) => granted.push(ok));
  expect(granted).toEqual([false]);
  expect(recorded.permissionCheck!()).toBe(false);
  let headers: Record<string, string[]> = {};
  recorded.headerHook!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
  expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self'");
  expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  const serve = recorded.protocolHandlers.get('app')!;
  expect(await (await serve({ url: 'app://desk/index.html' })).text()).toContain('<div id="root">');
  expect((await serve({ url: 'app://desk/../../../etc/passwd' })).status).toBe(404);

  // Navigation away and new windows are refused.
  let prevented = false;
  win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
  expect(prevented).toBe(true);
  prevented = false;
  win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'app://desk/index.html#/documents');
  expect(prevented).toBe(false);
  expect(win.webContents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

  // IPC: exactly the contract's channels; a stranger is refused, our window reaches the real backend.
  expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  const ours = { sender: { id: win.webContents.id }, senderFrame: { url: 'app://desk/index.html' } };
  const stranger = { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/' } };
  const create = recorded.ipcHandlers.get('customers:create')!;
  const customer = { name: '张三', phones: [{ phone: '13812345678' }] };
  const refused = (await create(stranger, customer)) as Result<unknown>;
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  const created = (await create(ours, customer)) as Result<{ name: string }>;
  expect(created.ok && created.value.name).toBe('张三');
  const search = (await recorded.ipcHandlers.get('search:query')!(ours, { query: 'zs' })) as Result<unknown[]>;
  expect(search.ok && search.value.length).toBe(1);

  // The menu follows the language setting.
  const labels = () => (recorded.menu as { label: string }[]).map((m) => m.label);
  expect(labels()).toContain('文件');
  await recorded.ipcHandlers.get('settings:update')!(ours, { language: 'en' });
  expect(labels()).toContain('File');
  recorded.app.emit('before-quit');
});
