import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Electron's binary cannot run on the machines this is built on, so the built main and preload
 * bundles are loaded under Node with `require('electron')` answered by this recorder. It runs
 * our real wiring (startup order, window options, session handlers, IPC registration, the app://
 * handler) and records what it asked of Electron, for the test to inspect.
 */
/** The app object as the main bundle uses it; typed by hand so the recorder's type can be named. */
export interface FakeApp extends EventEmitter {
  isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: string): string;
  getAppPath(): string;
  getVersion(): string;
  quit(): void;
  exit(code: number): void;
}

/** A navigation event as the guards see it (Electron passes the URL on the event itself). */
export interface FakeNavigation {
  url: string;
  isMainFrame: boolean;
  prevented: boolean;
  preventDefault(): void;
}
export function navigation(url: string, isMainFrame = true): FakeNavigation {
  return { url, isMainFrame, prevented: false, preventDefault() { this.prevented = true; } };
}

export function fakeElectron(userData: string, options: { isPackaged?: boolean } = {}) {
  const app: FakeApp = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? userData : `${userData}/${name}`),
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-test',
    quit: () => {},
    exit: (code: number) => {
      recorded.exitCode = code;
    },
  });
  const recorded = {
    app,
    exitCode: null as number | null,
    privilegedSchemes: [] as unknown[],
    ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response> | Response>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
    devicePermission: null as null | ((details: { deviceType: string }) => boolean),
    /** Every URL the app handed to the system browser: proof that only allow-listed ones leave. */
    externalOpens: [] as string[],
    headerHook: null as null | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    windows: [] as FakeWindow[],
    menu: null as unknown,
    errorBoxes: [] as string[][],
    invokes: [] as [string, unknown][],
    exposed: new Map<string, unknown>(),
  };

  class FakeWebContents extends EventEmitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      recorded.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    async loadFile(file: string) {
      this.loaded = `file://${file}`;
    }
    isMinimized = () => false;
    restore = () => {};
    focus = () => {};
    show = () => {};
  }

  const electron: Record<string, unknown> = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: (e: unknown, i: unknown) => Promise<unknown>) => void recorded.ipcHandlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (recorded.menu = m) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => void recorded.privilegedSchemes.push(...s) },
    session: {
      defaultSession: {
        protocol: { handle: (scheme: string, fn: (r: { url: string }) => Response) => void recorded.protocolHandlers.set(scheme, fn) },
        setPermissionRequestHandler: (fn: typeof recorded.permissionRequest) => void (recorded.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof recorded.permissionCheck) => void (recorded.permissionCheck = fn),
        setDevicePermissionHandler: (fn: typeof recorded.devicePermission) => void (recorded.devicePermission = fn),
        webRequest: { onHeadersReceived: (fn: typeof recorded.headerHook) => void (recorded.headerHook = fn) },
      },
    },
    net: {
      fetch: async (url: string) => {
        try {
          return new Response(readFileSync(fileURLToPath(url)));
        } catch {
          return new Response('', { status: 404 });
        }
      },
    },
    dialog: {
      showErrorBox: (title: string, message: string) => void recorded.errorBoxes.push([title, message]),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: {
      openPath: async () => '',
      showItemInFolder: () => {},
      openExternal: async (url: string) => void recorded.externalOpens.push(url),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void recorded.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        recorded.invokes.push([channel, input]);
        return { ok: true, value: null };
      },
    },
  };
  /** A web-contents Electron creates on its own (a devtools view, a popup): the app must guard it too. */
  const createWebContents = () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    return contents;
  };
  return { electron, recorded, createWebContents };
}

/**
 * Loads a CommonJS bundle with `electron` replaced by the fake. `allow` limits what else the
 * bundle may require: a sandboxed preload may require nothing but electron.
 */
export function loadBundle(file: string, electron: unknown, allow: (request: string) => boolean = () => true): void {
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  // Only what the bundle itself requires is checked, not what the test runner loads meanwhile.
  const original = mod._load;
  const resolved = require.resolve(file);
  mod._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    const fromBundle = (parent as { filename?: string } | null)?.filename === resolved;
    if (fromBundle && !allow(request)) throw new Error(`bundle requires ${request}`);
    return original.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[resolved];
    // A plain CommonJS load on purpose: the bundle is what Electron itself would require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(resolved);
  } finally {
    mod._load = original;
  }
}
