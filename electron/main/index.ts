import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { translator, DEFAULT_LANGUAGE, type Language } from '../../shared/i18n';
import { openBackend, type DeskBackend } from '../backend/domains/admin/recovery';
import { AppError } from '../backend/lib/errors';
import { DOCUMENT_WORKER_IDLE_STOP_MS } from '../backend/documents/worker/document-renderer';
import { registerIpc } from './ipc';
import { startAppLog } from './logger';
import { menuTemplate } from './menu';
import { resolveDataPaths } from './paths';
import { electronPlatform } from './platform';
import {
  APP_SCHEME,
  appSchemeFile,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isOwnRendererUrl,
  rendererUrlFor,
  secureWebPreferences,
} from './security';

let mainWindow: BrowserWindow | null = null;
const rendererDir = join(__dirname, '..', 'renderer');
const rendererUrl = rendererUrlFor(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

// Must happen before 'ready': app:// behaves like https (secure context, fetch, workers for pdf.js).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.protocol.handle(APP_SCHEME, (request) => {
    const file = appSchemeFile(request.url, rendererDir, join, sep);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('', { status: 404 });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // HID, serial and USB devices are granted apart from the two handlers above; the desk needs none.
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    // One guard for every way a frame can move: a link or script (will-navigate), a server
    // redirect, which will-navigate does not see (will-redirect), and sub-frames, which
    // will-navigate does not see either (will-frame-navigate).
    const stayOnOwnPages = (event: { url: string; preventDefault(): void }) => {
      if (!isOwnRendererUrl(event.url, rendererUrl)) event.preventDefault();
    };
    contents.on('will-navigate', stayOnOwnPages);
    contents.on('will-redirect', stayOnOwnPages);
    contents.on('will-frame-navigate', stayOnOwnPages);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function setMenu(language: Language, dataDir: string, logDir: string): void {
  const t = translator(language);
  const template = menuTemplate(
    t,
    { openDataFolder: () => void shell.openPath(dataDir), openLogFolder: () => void shell.openPath(logDir) },
    process.platform === 'darwin',
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  const paths = resolveDataPaths(app.getPath('userData'), process.argv, process.env);
  const logger = startAppLog(paths.logFile, app);
  logger.info(`starting ${app.getVersion()}`, { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node });
  hardenSessions();
  let backend: DeskBackend;
  try {
    // Migrations (with their backup) run before any window can show data. A file that cannot be
    // opened (damaged, unreadable) is not an error box: the window opens on the recovery screen.
    backend = await openBackend({
      ...paths,
      platform: electronPlatform(() => mainWindow),
      logger,
      appVersion: app.getVersion(),
      logDir: dirname(paths.logFile),
      resetAdminPin: process.argv.includes('--reset-admin-pin'),
      // Built beside this file (electron.vite.config.ts); fonts and layout warm up while the window opens.
      documents: { workerEntry: join(__dirname, 'document-worker.js'), warmUp: true, idleStopMs: DOCUMENT_WORKER_IDLE_STOP_MS },
    });
  } catch (error) {
    logger.error('cannot open the database', error instanceof Error ? error.stack : error);
    const t = translator(DEFAULT_LANGUAGE);
    const message =
      error instanceof AppError && error.details.message
        ? t(error.details.message.key, error.details.message.params ?? {})
        : t('errors.INTERNAL');
    dialog.showErrorBox(t('appName'), message);
    app.exit(1);
    return;
  }

  const storedLanguage = async (): Promise<Language> => {
    const settings = await backend.invoke('settings:get', {});
    return settings.ok ? (settings.value as { language: Language }).language : DEFAULT_LANGUAGE;
  };
  const language = await storedLanguage();
  setMenu(language, dirname(paths.dbPath), dirname(paths.logFile));

  registerIpc(
    ipcMain,
    (channel, input) => backend.invoke(channel, input),
    (event) => !!mainWindow && event.sender.id === mainWindow.webContents.id && isOwnRendererUrl(event.senderFrame?.url, rendererUrl),
    (channel, input, result) => {
      const lang = (input as { language?: Language } | null)?.language;
      if (channel === 'settings:update' && result.ok && lang) setMenu(lang, dirname(paths.dbPath), dirname(paths.logFile));
      // Out of recovery: the menu follows the language stored in the database now open.
      if ((channel === 'health:restore' || channel === 'health:retry') && result.ok && backend.mode === 'ok') {
        void storedLanguage().then((stored) => setMenu(stored, dirname(paths.dbPath), dirname(paths.logFile)));
      }
    },
  );

  mainWindow = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: translator(language)('appName'),
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('unresponsive', () => logger.warn('the window stopped responding'));
  mainWindow.on('responsive', () => logger.info('the window responds again'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(rendererUrl);

  app.on('before-quit', () => {
    void backend.close();
  });
}

// One desk, one database: a second start focuses the window that is already open.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
