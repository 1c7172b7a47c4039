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
 * Where our renderer is allowed to live: the bundled index.html (file://) or, in development,
 * the electron-vite dev server. Anything else asking over IPC is not our window.
 */
export function isOwnRendererUrl(url: string | undefined, expected: string): boolean {
  if (!url) return false;
  try {
    const actual = new URL(url);
    const want = new URL(expected);
    if (want.protocol === 'file:') return actual.protocol === 'file:' && decodeURI(actual.pathname) === decodeURI(want.pathname);
    return actual.origin === want.origin;
  } catch {
    return false;
  }
}

/** Links the desk may open in the system browser (help pages); everything else is refused. */
const EXTERNAL_ALLOW = [/^https:\/\/(www\.)?electronjs\.org\//];

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOW.some((re) => re.test(url));
}
