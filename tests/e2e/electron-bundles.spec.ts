import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { fakeElectron, loadBundle, navigation } from '../support/fake-electron';
import { tempDataDir } from '../support/temp';

// These run the BUILT bundles (out/main, out/preload) under Node, with Electron's API recorded by
// a fake: the closest this machine gets to starting the app. See tests/support/fake-electron.ts.
// Titles name the item of Electron's security checklist each test proves on the real wiring;
// tests/unit/electron-checklist.test.ts holds the table and checks every bundle item is here.

type Started = ReturnType<typeof fakeElectron>;
type Event = { sender: { id: number }; senderFrame: { url: string } | null };

/** Loads out/main/index.js as Electron would and waits for the window to load its page. */
async function startMain(label: string, options: { isPackaged?: boolean; env?: Record<string, string> } = {}): Promise<Started> {
  const userData = tempDataDir(label);
  const env = { DESK_DB: join(userData, 'data', 'desk.sqlite'), ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  // A packaged app looks for its native module under resourcesPath, which only Electron sets.
  if (options.isPackaged) Object.defineProperty(process, 'resourcesPath', { value: userData, configurable: true });
  const started = fakeElectron(userData, { isPackaged: options.isPackaged });
  try {
    loadBundle(resolve('out/main/index.js'), started.electron);
    await expect.poll(() => started.recorded.windows[0]?.loaded ?? null).not.toBeNull();
  } finally {
    if (options.isPackaged) Reflect.deleteProperty(process, 'resourcesPath');
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  expect(started.recorded.exitCode).toBeNull();
  expect(started.recorded.errorBoxes).toEqual([]);
  expect(existsSync(env.DESK_DB)).toBe(true);
  return started;
}

test('checklist 20 · the preload exposes one function per contract channel, no Electron API, and requires nothing but electron', async () => {
  const { electron, recorded } = fakeElectron(tempDataDir('preload'));
  // checklist 4 too: a sandboxed preload can require only electron; anything else would throw here.
  loadBundle(resolve('out/preload/index.js'), electron, (request) => request === 'electron');
  const api = recorded.exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>;
  expect([...recorded.exposed.keys()]).toEqual(['api']);
  expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
  for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  // The page hands over a channel's input and gets the result back: no event, no ipcRenderer.
  expect(await api['search:query']!({ query: '张' })).toEqual({ ok: true, value: null });
  expect(recorded.invokes).toEqual([['search:query', { query: '张' }]]);
});

test.describe.serial('the built main process', () => {
  let started: Started;
  const win = () => started.recorded.windows[0]!;
  const prefs = () => win().options.webPreferences as Record<string, unknown>;
  const ours = (): Event => ({ sender: { id: win().webContents.id }, senderFrame: { url: 'app://desk/index.html#/customers' } });

  test.beforeAll(async () => {
    started = await startMain('main');
  });
  test.afterAll(() => {
    started.recorded.app.emit('before-quit');
  });

  test('starts with one window, migrates, answers its own window and follows the language setting', async () => {
    const { recorded } = started;
    expect(recorded.windows).toHaveLength(1);
    expect(existsSync(prefs().preload as string)).toBe(true);
    const create = recorded.ipcHandlers.get('customers:create')!;
    const created = (await create(ours(), { name: '张三', phones: [{ phone: '13812345678' }] })) as Result<{ name: string }>;
    expect(created.ok && created.value.name).toBe('张三');
    const search = (await recorded.ipcHandlers.get('search:query')!(ours(), { query: 'zs' })) as Result<unknown[]>;
    expect(search.ok && search.value.length).toBe(1);
    const labels = () => (recorded.menu as { label: string }[]).map((m) => m.label);
    expect(labels()).toContain('文件');
    await recorded.ipcHandlers.get('settings:update')!(ours(), { language: 'en' });
    expect(labels()).toContain('File');
  });

  test('loads the very SQLite addon plain Node loads: one Node-API build for both, nothing rebuilt for Electron', () => {
    const addons = (objects: string[]) => objects.filter((f) => /better-sqlite3[\\/].*\.node$/.test(f));
    // The main bundle has opened the database: its addon is mapped into this process.
    const inBundle = addons((process.report.getReport() as unknown as { sharedObjects: string[] }).sharedObjects);
    const plain = execFileSync(
      process.execPath,
      ['-e', "require('better-sqlite3')(':memory:'); console.log(JSON.stringify(process.report.getReport().sharedObjects))"],
      { encoding: 'utf8' },
    );
    expect(inBundle).toEqual(addons(JSON.parse(plain) as string[]));
    expect(inBundle).toHaveLength(1);
    expect(inBundle[0]).toMatch(new RegExp(`better-sqlite3[\\\\/]prebuilds[\\\\/]${process.platform}-${process.arch}\\.node$`));
  });

  test('checklist 1 · only load secure content: the window loads app://desk from the package, with no remote resource', async () => {
    expect(win().loaded).toBe('app://desk/index.html');
    // app:// is registered as a secure, standard scheme before ready, like https.
    expect(started.recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const html = await (await started.recorded.protocolHandlers.get('app')!({ url: 'app://desk/index.html' })).text();
    expect(html).toContain('<div id="root">');
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^\.\/assets\//);
  });

  test('checklist 2 · no Node integration in the renderer, its workers or its frames', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  test('checklist 3 · context isolation', () => {
    expect(prefs().contextIsolation).toBe(true);
  });

  test('checklist 4 · process sandboxing', () => {
    expect(prefs().sandbox).toBe(true);
  });

  test('checklist 5 · every permission request and check is denied, devices too, in the one session the window uses', () => {
    const { recorded } = started;
    // No partition or session of its own: the default session, which holds the handlers, is the one.
    expect(prefs()).not.toHaveProperty('partition');
    expect(prefs()).not.toHaveProperty('session');
    const permissions = ['media', 'display-capture', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'midiSysex', 'pointerLock', 'keyboardLock', 'idle-detection', 'window-management', 'fileSystem', 'unknown'];
    for (const permission of permissions) {
      const answers: boolean[] = [];
      recorded.permissionRequest!(win().webContents, permission, (ok) => answers.push(ok));
      expect(answers, permission).toEqual([false]);
      expect(recorded.permissionCheck!(win().webContents, permission), permission).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) expect(recorded.devicePermission!({ deviceType }), deviceType).toBe(false);
  });

  test('checklist 6 · webSecurity stays on', () => {
    expect(prefs().webSecurity).toBe(true);
  });

  test('checklist 7 · a Content-Security-Policy header on every response, and the page carries it too', async () => {
    let headers: Record<string, string[]> = {};
    started.recorded.headerHook!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
    const html = await (await started.recorded.protocolHandlers.get('app')!({ url: 'app://desk/index.html' })).text();
    expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'self'; script-src 'self';/);
  });

  test('checklist 8 · no insecure (mixed) content', () => {
    expect(prefs().allowRunningInsecureContent).toBe(false);
  });

  test('checklist 9 · no experimental features', () => {
    expect(prefs().experimentalFeatures).toBe(false);
  });

  test('checklist 10 · no enableBlinkFeatures', () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
  });

  test('checklist 12 · no webview: the tag is off and every attach is refused', () => {
    expect(prefs().webviewTag).toBe(false);
    let prevented = false;
    win().webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, { nodeIntegration: false }, { src: 'app://desk/index.html' });
    expect(prevented).toBe(true);
  });

  test('checklist 13 · navigation, redirects and sub-frame navigation stay on our own pages', () => {
    const foreign = [
      'https://evil.example/',
      'https://electronjs.org.evil.example/',
      'http://desk/index.html',
      'file:///C:/Windows/System32/calc.exe',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://localhost:5173/',
    ];
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of foreign) {
        const nav = navigation(url, event !== 'will-frame-navigate');
        win().webContents.emit(event, nav);
        expect(nav.prevented, `${event} ${url}`).toBe(true);
      }
      const home = navigation('app://desk/index.html#/documents');
      win().webContents.emit(event, home);
      expect(home.prevented, event).toBe(false);
    }
  });

  test('checklist 14 · new windows are denied, in every web-contents the app ever gets', () => {
    const later = started.createWebContents();
    for (const contents of [win().webContents, later]) {
      for (const url of ['https://evil.example/', 'app://desk/index.html', 'about:blank', 'https://www.electronjs.org/docs/latest/tutorial/security']) {
        expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
      }
      const nav = navigation('https://evil.example/');
      contents.emit('will-navigate', nav);
      expect(nav.prevented).toBe(true);
    }
  });

  test('checklist 15 · shell.openExternal gets allow-listed https links and nothing else', () => {
    const { recorded } = started;
    recorded.externalOpens.length = 0;
    const refused = [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'http://www.electronjs.org/docs/latest/',
      'https://electronjs.org.evil.example/',
      'https://electronjs.org@evil.example/',
      'https://evil.example/?https://electronjs.org/',
      'smb://evil.example/share/x.exe',
      'ms-msdt:/id PCWDiagnostic',
      'app://desk/index.html',
    ];
    const allowed = ['https://www.electronjs.org/docs/latest/tutorial/security', 'https://electronjs.org/docs/latest/'];
    for (const url of [...refused, ...allowed]) expect(win().webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(recorded.externalOpens).toEqual(allowed);
  });

  test('checklist 17 · every contract channel is registered with a sender check; strangers get FORBIDDEN on all of them', async () => {
    const { recorded } = started;
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const domain of ['health', 'session', 'operators', 'audit']) {
      expect([...recorded.ipcHandlers.keys()].some((c) => c.startsWith(`${domain}:`)), domain).toBe(true);
    }
    const id = win().webContents.id;
    const strangers: Event[] = [
      { sender: { id }, senderFrame: { url: 'https://evil.example/' } }, // our window, navigated or framed elsewhere
      { sender: { id }, senderFrame: { url: 'file:///C:/Users/x/Downloads/evil.html' } },
      { sender: { id }, senderFrame: null }, // frame already gone
      { sender: { id: id + 100 }, senderFrame: { url: 'app://desk/index.html' } }, // another web-contents
    ];
    for (const [channel, handler] of recorded.ipcHandlers) {
      for (const stranger of strangers) {
        const refused = (await handler(stranger, {})) as Result<unknown>;
        expect(refused.ok ? 'ok' : refused.error.code, `${channel} from ${stranger.senderFrame?.url}`).toBe('FORBIDDEN');
      }
    }
    // A valid write from a stranger is refused before it is looked at: still only the customer our window made.
    for (const stranger of strangers) {
      const refused = (await recorded.ipcHandlers.get('customers:create')!(stranger, { name: '李四', phones: [{ phone: '13900000000' }] })) as Result<unknown>;
      expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    }
    const list = (await recorded.ipcHandlers.get('customers:list')!(ours(), {})) as Result<{ total: number }>;
    expect(list.ok && list.value.total).toBe(1);
  });

  test('checklist 18 · no file://: the page comes from app://, which serves only the renderer folder', async () => {
    const serve = started.recorded.protocolHandlers.get('app')!;
    expect((await serve({ url: 'app://desk/index.html' })).status).toBe(200);
    for (const url of ['app://desk/../../../etc/passwd', 'app://desk/assets/..%2F..%2F..%2Fpackage.json', 'app://other/index.html']) {
      expect((await serve({ url })).status, url).toBe(404);
    }
    expect(win().loaded).not.toMatch(/^file:/);
  });

  test('draws documents in its own worker (out/main/document-worker.js): a real PDF, and no pdfmake in the main process', async () => {
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = (await started.recorded.ipcHandlers.get(channel)!(ours(), input)) as Result<T>;
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    expect(existsSync(resolve('out/main/document-worker.js'))).toBe(true);
    await call('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
    const policy = await call<{ id: number }>('policies:create', { name: '标准保修', basis: 'purchase', components: [{ key: 'whole', name: '整机', months: 12 }] });
    const model = await call<{ id: number }>('models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
    const customers = await call<{ items: { id: number }[] }>('customers:list', {});
    const unit = await call<{ id: number }>('units:create', { customerId: customers.items[0]!.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
    const card = await call<{ id: number; number: string }>('documents:warrantyCard', { unitId: unit.id, paper: 'A5', language: 'zh-CN' });
    const { base64 } = await call<{ base64: string }>('documents:content', { id: card.id });
    const pdf = Buffer.from(base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile3');
    // The main process (this one, running the bundle) never loaded the PDF library: the worker drew it.
    expect(Object.keys(createRequire(resolve('package.json')).cache).filter((file) => /[\\/]pdfmake[\\/]/.test(file))).toEqual([]);
  });
});

test('checklist 1 · a packaged build ignores a renderer URL from the environment and trusts only app://desk', async () => {
  const started = await startMain('packaged', { isPackaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
  try {
    const win = started.recorded.windows[0]!;
    expect(win.loaded).toBe('app://desk/index.html');
    const info = started.recorded.ipcHandlers.get('app:info')!;
    const fromEvil = (await info({ sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/' } }, {})) as Result<unknown>;
    expect(fromEvil.ok ? 'ok' : fromEvil.error.code).toBe('FORBIDDEN');
    const fromOurs = (await info({ sender: { id: win.webContents.id }, senderFrame: { url: 'app://desk/index.html' } }, {})) as Result<unknown>;
    expect(fromOurs.ok).toBe(true);
    const nav = navigation('https://evil.example/');
    win.webContents.emit('will-navigate', nav);
    expect(nav.prevented).toBe(true);
  } finally {
    started.recorded.app.emit('before-quit');
  }
});
