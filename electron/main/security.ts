import type { WebPreferences } from 'electron';

/** The renderer runs like a web page: no Node, isolated from the preload, sandboxed. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Sent as a header as well as the page's meta tag, so it holds for any way the page loads. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The bundled renderer is served from our own privileged scheme rather than file://, so a page
 * can never read the disk by URL (Electron checklist: prefer custom protocols to file://).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Where our renderer is allowed to live: app://desk/ or, in development, the electron-vite dev
 * server. Anything else asking over IPC, or navigating the window, is not ours. (Scheme and
 * host are compared, not `origin`, which is "null" for custom schemes.)
 */
export function isOwnRendererUrl(url: string | undefined, expected: string): boolean {
  if (!url) return false;
  try {
    const actual = new URL(url);
    const want = new URL(expected);
    return actual.protocol === want.protocol && actual.host === want.host && actual.host !== '';
  } catch {
    return false;
  }
}

/**
 * Maps an app://desk/ request to a file inside the renderer folder; null for anything that
 * would resolve outside it (../, encoded slashes, another host).
 */
export function appSchemeFile(requestUrl: string, rendererDir: string, join: (...p: string[]) => string, sep: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const path = decodeURIComponent(url.pathname);
  if (path.includes('\0') || path.split('/').includes('..')) return null;
  const file = join(rendererDir, path === '/' ? 'index.html' : path);
  return file.startsWith(rendererDir + sep) ? file : null;
}

/**
 * Where the window loads from. The electron-vite dev server is honoured only in an unpackaged run
 * and only on this machine: in a shipped app an environment variable must not be able to point
 * the window, and with it the IPC trust (isOwnRendererUrl), at another site.
 */
export function rendererUrlFor(devServerUrl: string | undefined, isPackaged: boolean): string {
  if (isPackaged || !devServerUrl) return APP_ORIGIN_URL;
  try {
    const url = new URL(devServerUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback && !url.username && !url.password ? url.href : APP_ORIGIN_URL;
  } catch {
    return APP_ORIGIN_URL;
  }
}

/**
 * Hosts the desk may open in the system browser (help pages); everything else is refused.
 * Parsed, not prefix-matched, so https://electronjs.org.evil.example/ or user@host tricks fail,
 * and only https: reaches shell.openExternal (never file:, javascript: or a custom scheme that an
 * installed program might handle).
 */
const EXTERNAL_HOSTS = new Set(['electronjs.org', 'www.electronjs.org']);

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && EXTERNAL_HOSTS.has(parsed.hostname) && parsed.port === '' && !parsed.username && !parsed.password
  );
}
