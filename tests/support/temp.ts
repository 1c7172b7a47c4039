import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test: every test gets its own database file and archive. */
export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `desk-${label}-`));
}
