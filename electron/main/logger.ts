import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../backend/platform/platform';

/** Technical detail goes to a file the user can send to support; never to the screen. */
export function fileLogger(file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, message: string, data?: unknown) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, data });
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full or read-only disk must not turn logging into a crash.
    }
    if (level !== 'info') console.error(line);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
