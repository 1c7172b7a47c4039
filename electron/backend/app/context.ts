import type { Kysely, Migration } from 'kysely';
import type { Store } from '../db/connection';
import type { DB } from '../db/schema';
import type { Logger, Platform } from '../platform/platform';
import type { DocumentJob } from '../documents/jobs';
import type { RenderedDocument } from '../documents/kit/fitting';

export interface ServiceContext {
  db: Kysely<DB>;
  documentsDir: string;
  platform: Platform;
  logger: Logger;
  /** Where the application log rotates (null when it goes elsewhere, as in tests). */
  logDir: string | null;
  appVersion: string;
  /** The clock, injectable so tests can fix "now". */
  now: () => Date;
  /** The database file itself, for backups and restore. */
  storage: Storage;
  /** Who is at the desk and whether the admin PIN has unlocked it: one desk, one session. */
  session: DeskSession;
  /** Builds and renders a document off the desk's thread (see DocumentRenderer). */
  documents: {
    render(job: DocumentJob): Promise<RenderedDocument>;
    /** The clerk is at the desk: a worker let go while it was left alone starts warming up. */
    wake(): void;
  };
}

export interface DeskSession {
  operator: string | null;
  /** Epoch ms until which guarded actions pass without asking for the PIN again. */
  unlockedUntil: number;
}


export interface Storage {
  /** The live connection; a restore replaces it (and `ctx.db` with it). */
  store: Store;
  dbPath: string;
  /** `backups` beside the database: used until the user chooses a folder. */
  defaultBackupDir: string;
  /** The migrations this build brings a database to (a restored older backup is migrated). */
  migrations?: Record<string, Migration>;
}
