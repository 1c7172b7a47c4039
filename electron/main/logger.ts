import type { App } from 'electron';
import { openFileLog, type FileLog } from '../backend/platform/file-log';

/** The parts of Electron's app the log listens to (a test passes an emitter). */
export type CrashSource = Pick<App, 'on'>;

/**
 * Technical detail goes to a rotating file the user can send to support (Settings → Data check →
 * Save diagnostics); never to the screen. Also logged: errors nothing caught in the main process
 * (instead of Electron's dialog with a stack the clerk cannot act on), and the window's page or
 * a helper process dying, which otherwise leaves only a blank window and no trace.
 */
export function startAppLog(file: string, app: CrashSource): FileLog {
  const log = openFileLog(file);
  log.engine.errorHandler.startCatching({
    showDialog: false,
    // Written here rather than left to the handler's own logger, which follows the last one created.
    onError: ({ error, errorName }) => {
      log.error(errorName, error);
      return false;
    },
  });
  app.on('render-process-gone', (_event, contents, details) => {
    log.error('the window’s page stopped', { reason: details.reason, exitCode: details.exitCode, url: contents.getURL() });
  });
  app.on('child-process-gone', (_event, details) => {
    log.error(`a helper process stopped (${details.type})`, { reason: details.reason, exitCode: details.exitCode, name: details.name ?? null });
  });
  return log;
}
