import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Logger, Platform } from '../platform';

export interface ServiceContext {
  db: Kysely<DB>;
  documentsDir: string;
  platform: Platform;
  logger: Logger;
  /** The clock, injectable so tests can fix "now". */
  now: () => Date;
}
