import type { Migration } from 'kysely';
import * as m0010 from './0010_create_settings';
import * as m0020 from './0020_create_customers';
import * as m0030 from './0030_create_units';
import * as m0040 from './0040_create_documents';

/**
 * Listed by hand, not scanned from disk: the bundled main process has no migrations folder.
 * Names step by 10 to leave room; never rename or reorder one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0010_create_settings': m0010,
  '0020_create_customers': m0020,
  '0030_create_units': m0030,
  '0040_create_documents': m0040,
};

/** The schema version this build writes: stored in PRAGMA user_version after migrating. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
