import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { registerIpc, type IpcEventLike } from '../../electron/main/ipc';
import {
  APP_ORIGIN_URL,
  appSchemeFile,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isOwnRendererUrl,
  rendererUrlFor,
  secureWebPreferences,
} from '../../electron/main/security';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security, the
 * 20 numbered items), item by item: where each is proven, or why it does not apply. "unit" items
 * are tested below on the real modules and config files; "bundle" items on the BUILT main and
 * preload in tests/e2e/electron-bundles.spec.ts (window options, session handlers, web-contents
 * guards, IPC registration as the app really wires them). A test at the end keeps this table
 * honest: every item is either tested where it says or carries its reason.
 */
type Where = 'unit' | 'bundle';
type Item = { n: number; item: string } & ({ verifiedIn: Where[] } | { notApplicable: string });
const CHECKLIST: Item[] = [
  { n: 1, item: 'only load secure content', verifiedIn: ['unit', 'bundle'] },
  { n: 2, item: 'no Node.js integration for remote content', verifiedIn: ['unit', 'bundle'] },
  { n: 3, item: 'context isolation', verifiedIn: ['unit', 'bundle'] },
  { n: 4, item: 'process sandboxing', verifiedIn: ['unit', 'bundle'] },
  { n: 5, item: 'session permission requests handled (denied)', verifiedIn: ['bundle'] },
  { n: 6, item: 'webSecurity not disabled', verifiedIn: ['unit', 'bundle'] },
  { n: 7, item: 'Content-Security-Policy', verifiedIn: ['unit', 'bundle'] },
  { n: 8, item: 'no allowRunningInsecureContent', verifiedIn: ['unit', 'bundle'] },
  { n: 9, item: 'no experimental features', verifiedIn: ['unit', 'bundle'] },
  { n: 10, item: 'no enableBlinkFeatures', verifiedIn: ['unit', 'bundle'] },
  {
    n: 11,
    item: 'no allowpopups for webviews',
    notApplicable: 'allowpopups is an attribute of <webview>, and no webview can exist: webviewTag is false and every will-attach-webview is prevented (item 12)',
  },
  { n: 12, item: 'verify webview options (here: no webview at all)', verifiedIn: ['unit', 'bundle'] },
  { n: 13, item: 'disable or limit navigation', verifiedIn: ['unit', 'bundle'] },
  { n: 14, item: 'disable or limit new windows', verifiedIn: ['bundle'] },
  { n: 15, item: 'no shell.openExternal with untrusted content', verifiedIn: ['unit', 'bundle'] },
  { n: 16, item: 'a current version of Electron', verifiedIn: ['unit'] },
  { n: 17, item: 'validate the sender of all IPC messages', verifiedIn: ['unit', 'bundle'] },
  { n: 18, item: 'no file://, a custom protocol', verifiedIn: ['unit', 'bundle'] },
  { n: 19, item: 'fuses', verifiedIn: ['unit'] },
  { n: 20, item: 'no Electron API exposed to web content', verifiedIn: ['bundle'] },
];

const unitTested = new Set<number>();
function check(n: number, detail: string, fn: () => void | Promise<void>): void {
  const entry = CHECKLIST.find((c) => c.n === n)!;
  unitTested.add(n);
  it(`checklist ${n} · ${entry.item}: ${detail}`, fn);
}

const root = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const prefs = secureWebPreferences('/app/out/preload/index.js');

/** The policy as directive → sources, so tests ask about a directive rather than grep a string. */
function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(map.has(name!), `duplicate directive ${name}`).toBe(false);
    map.set(name!, sources);
  }
  return map;
}

/**
 * One top-level block of flat `key: true|false` pairs from electron-builder.yml. Strict on purpose:
 * anything else inside the block (a nested map, a typo'd value) fails rather than being skipped.
 */
function yamlBooleanBlock(text: string, block: string): Record<string, boolean> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l === `${block}:`);
  expect(start, `${block}: block`).toBeGreaterThanOrEqual(0);
  const out: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^ {2}([A-Za-z][A-Za-z0-9]*): (true|false)\s*(#.*)?$/.exec(line);
    if (!m) throw new Error(`unexpected line in ${block}: ${line}`);
    out[m[1]!] = m[2] === 'true';
  }
  return out;
}

describe('Electron security checklist', () => {
  check(1, 'the packaged app loads only app://desk, whatever the environment says', () => {
    expect(APP_ORIGIN_URL).toBe('app://desk/index.html');
    expect(rendererUrlFor(undefined, false)).toBe(APP_ORIGIN_URL);
    expect(rendererUrlFor('http://localhost:5173/', true)).toBe(APP_ORIGIN_URL);
    expect(rendererUrlFor('https://evil.example/', true)).toBe(APP_ORIGIN_URL);
    // In development only the electron-vite dev server on this machine is honoured.
    expect(rendererUrlFor('http://localhost:5173/', false)).toBe('http://localhost:5173/');
    expect(rendererUrlFor('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    for (const url of ['https://evil.example/', 'http://localhost.evil.example/', 'http://user@localhost:5173/', 'file:///tmp/x.html', 'nonsense']) {
      expect(rendererUrlFor(url, false), url).toBe(APP_ORIGIN_URL);
    }
  });
  check(1, 'the page and its policy name no remote origin', () => {
    const html = read('renderer/index.html');
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    for (const [name, sources] of parseCsp(CONTENT_SECURITY_POLICY)) {
      for (const source of sources) expect(source, name).toMatch(/^'(self|none|unsafe-inline)'$|^(data|blob):$/);
    }
  });

  check(2, 'nodeIntegration off in the window, its workers and sub-frames', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });
  check(3, 'contextIsolation on', () => expect(prefs.contextIsolation).toBe(true));
  check(4, 'sandbox on, with a preload and nothing else given to the page', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });
  check(6, 'webSecurity on', () => expect(prefs.webSecurity).toBe(true));

  check(7, 'a strict policy: own scripts only, no eval, no plugins, no base or form hijack, no framing', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
  });
  check(7, 'the page meta tag states the same policy as the header (frame-ancestors only works as a header)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('renderer/index.html'));
    const header = parseCsp(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(parseCsp(meta![1]!)).toEqual(header);
  });

  check(8, 'allowRunningInsecureContent off', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  check(9, 'experimentalFeatures off', () => expect(prefs.experimentalFeatures).toBe(false));
  check(10, 'enableBlinkFeatures never set', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(read('electron/main/index.ts') + read('electron/main/security.ts')).not.toMatch(/enableBlinkFeatures\s*:/);
  });
  check(12, 'the webview tag is off', () => expect(prefs.webviewTag).toBe(false));

  check(13, 'only our own scheme and host count as our pages (look-alikes do not)', () => {
    for (const url of ['app://desk/index.html', 'app://desk/index.html#/tickets/12']) expect(isOwnRendererUrl(url, APP_ORIGIN_URL), url).toBe(true);
    for (const url of ['app://desk.evil/index.html', 'app://evil/', 'https://desk/', 'file:///app/index.html', 'javascript:alert(1)', 'about:blank', '']) {
      expect(isOwnRendererUrl(url, APP_ORIGIN_URL), url).toBe(false);
    }
  });

  check(15, 'only https links to allow-listed hosts may leave for the system browser', () => {
    for (const url of ['https://www.electronjs.org/docs/latest/tutorial/security', 'https://electronjs.org/']) expect(isAllowedExternal(url), url).toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'http://www.electronjs.org/',
      'https://electronjs.org.evil.example/',
      'https://evilelectronjs.org/',
      'https://electronjs.org@evil.example/',
      'https://user:pw@electronjs.org/',
      'https://electronjs.org:8443/',
      'https://evil.example/https://electronjs.org/',
      'smb://electronjs.org/share',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  describe('16', () => {
    const pkg = JSON.parse(read('package.json')) as {
      devDependencies: Record<string, string>;
      allowScripts?: Record<string, boolean>;
      scripts: Record<string, string>;
    };
    /**
     * Stable x.0.0 releases as published on the npm registry (checked 2026-11-22). Electron ships a
     * major every 8 weeks and supports the latest three; see
     * https://www.electronjs.org/docs/latest/tutorial/electron-timelines. Add a row when a major ships:
     * the staleness check below fails once the table is clearly behind.
     */
    const STABLE_RELEASES: [major: number, date: string][] = [
      [40, '2026-01-16'],
      [41, '2026-03-11'],
      [42, '2026-05-06'],
      [43, '2026-07-01'],
      [44, '2026-08-25'],
      [45, '2026-10-21'],
    ];
    const supportedOn = (day: string) => STABLE_RELEASES.filter(([, d]) => d <= day).map(([m]) => m).slice(-3);
    const today = new Date().toISOString().slice(0, 10);

    check(16, 'electron is pinned to an exact version', () => {
      expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    });
    check(16, 'npm ci never downloads the Electron binary (it cannot here; packaging fetches it on purpose)', () => {
      expect(pkg.allowScripts?.electron).toBe(false);
      expect(Object.values(pkg.scripts).join(' ')).not.toMatch(/install-app-deps/);
    });
    check(16, 'the date table is not stale', () => {
      const last = STABLE_RELEASES.at(-1)![1];
      const days = (Date.parse(today) - Date.parse(last)) / 86_400_000;
      expect(days, `no Electron major recorded since ${last}: add the ones released since`).toBeLessThan(8 * 7 + 21);
    });
    check(16, 'the pinned major is one of the three supported lines today', () => {
      const major = Number(pkg.devDependencies.electron!.split('.')[0]);
      expect(supportedOn(today), `electron ${pkg.devDependencies.electron} is out of support on ${today}`).toContain(major);
    });
  });

  check(17, 'every contract channel, the new health/session/operators/audit ones included, refuses a stranger before dispatch', async () => {
    const handlers = new Map<string, (e: IpcEventLike, i: unknown) => Promise<unknown>>();
    const dispatched: string[] = [];
    const ourId = 7;
    const registered = registerIpc(
      { handle: (c, h) => void handlers.set(c, h) },
      async (channel) => {
        dispatched.push(channel);
        return { ok: true, value: null };
      },
      (e) => e.sender.id === ourId && isOwnRendererUrl(e.senderFrame?.url, APP_ORIGIN_URL),
    );
    expect(registered.sort()).toEqual([...CHANNELS].sort());
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const domain of ['health', 'session', 'operators', 'audit']) {
      expect(CHANNELS.filter((c) => c.startsWith(`${domain}:`)).length, domain).toBeGreaterThan(0);
    }
    const strangers: IpcEventLike[] = [
      { sender: { id: ourId }, senderFrame: { url: 'https://evil.example/' } },
      { sender: { id: ourId }, senderFrame: null },
      { sender: { id: 99 }, senderFrame: { url: APP_ORIGIN_URL } },
    ];
    for (const [channel, handler] of handlers) {
      for (const stranger of strangers) {
        const result = (await handler(stranger, {})) as Result<unknown>;
        expect(result.ok ? 'ok' : result.error.code, channel).toBe('FORBIDDEN');
      }
    }
    expect(dispatched).toEqual([]);
    for (const handler of handlers.values()) await handler({ sender: { id: ourId }, senderFrame: { url: APP_ORIGIN_URL } }, {});
    expect(dispatched.sort()).toEqual([...CHANNELS].sort());
  });

  check(18, 'app:// serves only files inside the renderer folder', () => {
    expect(appSchemeFile('app://desk/assets/a.js', '/r', posix.join, posix.sep)).toBe('/r/assets/a.js');
    for (const url of ['app://desk/assets/..%2F..%2Fsecret', 'app://desk/%00.js', 'app://other/index.html', 'file:///etc/passwd']) {
      expect(appSchemeFile(url, '/r', posix.join, posix.sep), url).toBeNull();
    }
  });

  describe('19', () => {
    const builder = read('electron-builder.yml');
    const fuses = () => yamlBooleanBlock(builder, 'electronFuses');
    check(19, 'the packaged app cannot become Node, take NODE_OPTIONS or inspect flags, and loads only its checked asar', () => {
      expect(fuses()).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        enableCookieEncryption: true,
        grantFileProtocolExtraPrivileges: false,
      });
    });
    check(19, 'every fuse name is one electron-builder knows (its schema refuses others), and asar stays on', () => {
      const scheme = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as {
        definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
      };
      for (const name of Object.keys(fuses())) expect(Object.keys(scheme.definitions.FuseOptionsV1.properties), name).toContain(name);
      // Integrity validation and only-from-asar need an asar: it is the default, so it must not be turned off.
      expect(builder).not.toMatch(/^\s*asar:\s*(false|null|~)?\s*$/m);
    });
  });

  it('every checklist item is verified where the table says, or says why it does not apply', () => {
    expect(CHECKLIST.map((c) => c.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const bundleSpec = read('tests/e2e/electron-bundles.spec.ts');
    for (const entry of CHECKLIST) {
      if ('notApplicable' in entry) {
        expect(unitTested.has(entry.n), `item ${entry.n} is marked not applicable but tested`).toBe(false);
        expect(entry.notApplicable.length).toBeGreaterThan(20);
        continue;
      }
      expect(unitTested.has(entry.n), `item ${entry.n} unit test`).toBe(entry.verifiedIn.includes('unit'));
      expect(bundleSpec.includes(`'checklist ${entry.n} · `), `item ${entry.n} bundle test`).toBe(entry.verifiedIn.includes('bundle'));
    }
    const verified = CHECKLIST.filter((c) => 'verifiedIn' in c).length;
    console.log(`Electron security checklist: ${verified} of ${CHECKLIST.length} items tested (see their results), ${CHECKLIST.length - verified} not applicable`);
    expect(verified).toBe(19);
  });
});
