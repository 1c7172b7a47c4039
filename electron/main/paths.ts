import { join, resolve } from 'node:path';
import { LOG_FILE_NAME } from '../backend/platform/file-log';

export interface DataPaths {
  dbPath: string;
  documentsDir: string;
  backupDir: string;
  logFile: string;
}

function flag(argv: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  const hit = argv.find((a) => a.startsWith(prefix));
  return hit ? hit.slice(prefix.length) : undefined;
}

/**
 * Data lives in the user data folder. Tests and the demo point elsewhere with a flag
 * (--db=, --documents=) or the environment (DESK_DB, DESK_DOCUMENTS); the flag wins.
 */
export function resolveDataPaths(userData: string, argv: string[], env: Record<string, string | undefined>): DataPaths {
  const dbPath = resolve(flag(argv, 'db') ?? env.DESK_DB ?? join(userData, 'desk.sqlite'));
  const documentsDir = resolve(flag(argv, 'documents') ?? env.DESK_DOCUMENTS ?? join(userData, 'documents'));
  return {
    dbPath,
    documentsDir,
    backupDir: join(dbPath, '..', 'backups'),
    logFile: join(userData, 'logs', LOG_FILE_NAME),
  };
}
