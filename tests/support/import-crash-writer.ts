/**
 * The child of the import crash test (tests/backend/import-steps.test.ts): opens the backend on a
 * database, imports the sheet given, and is killed by the parent while the import's steps are
 * being written.
 *
 *   node import-crash-writer.cjs <dbPath> <docsDir> <sheet.xlsx>   (bundled by the test)
 *
 * Prints OPENED once the import's file is read, then commits (never returns before the kill on a
 * sheet of a few thousand rows); the parent watches the database for the first steps.
 */
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../../electron/backend/platform/headless';
import type { ImportOpened } from '../../shared/schemas/excel';

const [dbPath, documentsDir, sheet] = process.argv.slice(2);

async function main() {
  const platform = new HeadlessPlatform(join(documentsDir!, 'printed'));
  const backend = await createBackend({ dbPath: dbPath!, documentsDir: documentsDir!, platform, logger: new MemoryLogger() });
  platform.openAnswer = sheet!;
  const opened = await backend.invoke('import:open', {});
  if (!opened.ok || !opened.value) throw new Error(JSON.stringify(opened));
  const file = opened.value as ImportOpened;
  process.stdout.write('OPENED\n');
  const done = await backend.invoke('import:commit', { token: file.token, sheet: file.sheets[0]!.name, mapping: file.sheets[0]!.suggested, categoryPolicies: [] });
  process.stdout.write(`DONE ${JSON.stringify(done.ok)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
