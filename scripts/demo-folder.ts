import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The folder a demo script writes into: the one named on the command line, else a fixed one in
 * the temporary folder. Emptied first only when this demo made it (its marker file is there):
 * never someone's real data. `subfolders` are made inside it.
 */
export function demoFolder(name: string, subfolders: string[] = ['pdf']): string {
  const marker = `.desk-demo-${name}`;
  const folder = resolve(process.argv[2] ?? join(tmpdir(), `desk-demo-${name}`));
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    if (!existsSync(join(folder, marker))) {
      console.error(`${folder} is not empty and was not made by this script; choose another folder.`);
      process.exit(2);
    }
    rmSync(folder, { recursive: true, force: true });
  }
  for (const sub of subfolders) mkdirSync(join(folder, sub), { recursive: true });
  writeFileSync(join(folder, marker), `made by scripts/demo-${name}.mts\n`);
  return folder;
}
