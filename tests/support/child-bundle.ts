import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/** The checkout: child scripts import the backend from here when they are bundled. */
export const ROOT = resolve(__dirname, '../..');

/*
 * A child process that must not depend on where the checkout lives: an unprivileged user (to
 * test real file permissions) cannot enter a checkout under a private home folder, and starting
 * tsx for every child of a crash test costs more than the trial. So the child's script is bundled
 * into one file beside the data (the native SQLite addon copied next to it), and run with a copy
 * of this Node that anyone may execute.
 */

/** Bundles one TypeScript file into `outfile` (CommonJS, the SQLite addon copied beside it). */
export function bundleFile(entry: string, outfile: string): string {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, 'node_modules')],
    loader: { '.node': 'copy' },
    // The platform's own entry requires its prebuilt addon by a fixed path, which the bundle copies.
    alias: { 'better-sqlite3': `better-sqlite3/${process.platform}-${process.arch}` },
    // Loaded only when a paper is drawn or a logo checked: from the checkout's node_modules, when
    // the bundle sits inside the checkout; never by the children that run elsewhere.
    external: ['sharp', 'pdfmake', '@embedpdf/fonts-sc'],
    logLevel: 'error',
  });
  chmodSync(outfile, 0o644);
  return outfile;
}

/** Bundles `source` (TypeScript, importing by absolute path) into `dir/name.cjs`; answers its path. */
export function bundleChild(source: string, dir: string, name = 'child'): string {
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name}.ts`);
  // CommonJS has no top-level await: the imports stay on top, the rest runs in an async function.
  const lines = source.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.filter((l) => !l.startsWith('import '));
  writeFileSync(entry, [...imports, '(async () => {', ...body, '})().catch((error) => {', '  console.error(error);', '  process.exit(1);', '});'].join('\n'));
  return bundleFile(entry, join(dir, `${name}.cjs`));
}

/** A copy of the running Node that any user may execute (the pinned one lives in the checkout). */
export function sharedNode(): string {
  const dir = join(tmpdir(), `desk-node-${process.version}`);
  const node = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const partial = `${node}.${process.pid}`;
    copyFileSync(process.execPath, partial);
    chmodSync(partial, 0o755);
    // Another worker may have placed it meanwhile: either copy is the same file.
    if (!existsSync(node)) copyFileSync(partial, node);
    chmodSync(node, 0o755);
  }
  chmodSync(dirname(node), 0o755);
  return node;
}
