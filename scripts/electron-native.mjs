#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/native/<platform>-<arch>/, apart from the
// Node build in node_modules that the tests use (rebuilding in place would break them).
// Run by `npm start` and `npm run dist:win` on a PC with the internet; it also fetches the
// Electron binary that `npm install` skipped. Nothing here runs during `npm install`/`npm ci`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const platform = arg('platform') ?? process.platform;
const arch = arg('arch') ?? process.arch;
const electronVersion = require('electron/package.json').version;
const sqlitePackage = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqlitePackage, 'package.json'), 'utf8')).version;

const outDir = join('build', 'native', `${platform}-${arch}`);
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform, arch });
const bin = (name) => join('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const exec = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
const fail = (what) => {
  console.error(`\n${what} This step needs the internet (it downloads from the Electron and better-sqlite3 release pages).`);
  process.exit(1);
};

if (platform === process.platform && arch === process.arch) {
  const electronDir = dirname(require.resolve('electron/package.json'));
  if (!existsSync(join(electronDir, 'path.txt'))) {
    console.log(`Fetching the Electron ${electronVersion} binary…`);
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    try {
      exec(process.execPath, [join(electronDir, 'install.js')], { env });
    } catch {
      fail(`Could not fetch the Electron ${electronVersion} binary.`);
    }
  }
}

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}) is up to date.`);
  process.exit(0);
}

const work = join('build', 'native', '.work', `${platform}-${arch}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(sqlitePackage, work, { recursive: true, filter: (src) => !src.includes(`${join(sqlitePackage, 'build')}`) });

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})…`);
try {
  // The project's published prebuilt binaries for Electron, when reachable.
  exec(join('..', '..', '..', '..', bin('prebuild-install')), ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch], { cwd: work });
} catch {
  if (platform !== process.platform) {
    console.error(`No prebuilt binary could be fetched, and a ${platform} binary cannot be compiled on ${process.platform}.`);
    process.exit(1);
  }
  console.log('No prebuilt binary; compiling against the Electron headers…');
  try {
    exec(join('..', '..', '..', '..', bin('node-gyp')), ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: work });
  } catch {
    fail(`Could not build better-sqlite3 for Electron ${electronVersion}.`);
  }
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stampFile, stamp);
rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${target}`);
