import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { translator } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import { registerIpc, type IpcEventLike } from '../../electron/main/ipc';
import { menuTemplate } from '../../electron/main/menu';
import { resolveDataPaths } from '../../electron/main/paths';
import { posix } from 'node:path';
import {
  APP_ORIGIN_URL,
  appSchemeFile,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isOwnRendererUrl,
  secureWebPreferences,
} from '../../electron/main/security';

describe('window security options', () => {
  it('isolate, sandbox and keep Node out of the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('CSP allows only our own scripts and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});

describe('our renderer, and nothing else', () => {
  it.each([
    [APP_ORIGIN_URL, APP_ORIGIN_URL, true],
    ['app://desk/index.html#/customers', APP_ORIGIN_URL, true],
    ['app://evil/index.html', APP_ORIGIN_URL, false],
    ['other://desk/index.html', APP_ORIGIN_URL, false],
    ['file:///C:/Users/x/Downloads/evil.html', APP_ORIGIN_URL, false],
    ['https://example.com/', APP_ORIGIN_URL, false],
    ['http://localhost:5173/customers', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    [undefined, APP_ORIGIN_URL, false],
    ['not a url', APP_ORIGIN_URL, false],
  ])('%s against %s → %s', (url, expected, ok) => {
    expect(isOwnRendererUrl(url, expected)).toBe(ok);
  });
  it.each([
    ['app://desk/index.html', '/r/index.html'],
    ['app://desk/', '/r/index.html'],
    ['app://desk/assets/index-abc.js', '/r/assets/index-abc.js'],
    ['app://desk/../../etc/passwd', '/r/etc/passwd'],
    ['app://desk/%2e%2e/%2e%2e/etc/passwd', '/r/etc/passwd'], // the URL parser folds dot segments: still inside
    ['app://desk/assets/..%2F..%2Fsecret', null],
    ['app://other/index.html', null],
    ['file:///etc/passwd', null],
  ])('app:// request %s serves %s', (url, file) => {
    expect(appSchemeFile(url, '/r', posix.join, posix.sep)).toBe(file);
  });
  it('opens only allow-listed links externally', () => {
    expect(isAllowedExternal('https://www.electronjs.org/docs/latest/tutorial/security')).toBe(true);
    expect(isAllowedExternal('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isAllowedExternal('https://evil.example/')).toBe(false);
  });
});

describe('IPC registration', () => {
  function fakeIpcMain() {
    const handlers = new Map<string, (e: IpcEventLike, i: unknown) => Promise<unknown>>();
    return { handlers, handle: (c: string, h: (e: IpcEventLike, i: unknown) => Promise<unknown>) => void handlers.set(c, h) };
  }
  const trusted: IpcEventLike = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html' } };
  const stranger: IpcEventLike = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/' } };

  it('registers exactly the contract channels, each named domain:verb', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, async () => ({ ok: true, value: null }), () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });

  it('checks the sender on every channel before dispatching', async () => {
    const ipc = fakeIpcMain();
    const calls: string[] = [];
    registerIpc(
      ipc,
      async (channel) => {
        calls.push(channel);
        return { ok: true, value: channel };
      },
      (event) => event.sender.id === 1,
    );
    for (const [channel, handler] of ipc.handlers) {
      const refused = (await handler(stranger, {})) as Result<unknown>;
      expect(refused.ok, channel).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    }
    expect(calls).toEqual([]);
    const answered = (await ipc.handlers.get('app:info')!(trusted, {})) as Result<unknown>;
    expect(answered).toEqual({ ok: true, value: 'app:info' });
  });
});

describe('data paths', () => {
  it('default to the user data folder', () => {
    const p = resolveDataPaths('/home/u/.config/desk', ['electron', '.'], {});
    expect(p.dbPath).toBe('/home/u/.config/desk/desk.sqlite');
    expect(p.documentsDir).toBe('/home/u/.config/desk/documents');
    expect(p.backupDir).toBe('/home/u/.config/desk/backups');
  });
  it('can be pointed elsewhere by environment, and a flag wins', () => {
    const env = { DESK_DB: '/tmp/a/desk.sqlite', DESK_DOCUMENTS: '/tmp/a/docs' };
    expect(resolveDataPaths('/u', [], env)).toMatchObject({ dbPath: '/tmp/a/desk.sqlite', documentsDir: '/tmp/a/docs' });
    expect(resolveDataPaths('/u', ['--db=/tmp/b/x.sqlite'], env).dbPath).toBe('/tmp/b/x.sqlite');
  });
});

describe('menu', () => {
  it('is translated in both languages with no missing keys', () => {
    const actions = { openDataFolder: () => {}, openLogFolder: () => {} };
    const labels = (lang: 'zh-CN' | 'en') =>
      menuTemplate(translator(lang), actions, false).flatMap((m) => [m.label, ...((m.submenu as { label?: string }[]) ?? []).map((s) => s.label)]).filter(Boolean);
    const zh = labels('zh-CN');
    const en = labels('en');
    expect(zh).toContain('文件');
    expect(en).toContain('File');
    for (const label of [...zh, ...en]) expect(label).not.toMatch(/^menu\./);
  });
});
