#!/usr/bin/env node
// `npm start`: the real app, on a developer's PC with the internet. `npm install` does not
// download Electron (the tests, the demo and the bench do not need it), so it is fetched here,
// once. Where it cannot be fetched, this says so in plain words and stops before building.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const version = require('electron/package.json').version;

function stop(lines) {
  console.error(['', ...lines, ''].join('\n'));
  process.exit(1);
}

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log(`Fetching Electron ${version} (once)…`);
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (fetched.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
    const reason = (fetched.stderr || '').split('\n').find((line) => /error|ENOTFOUND|ECONN|EAI_AGAIN|403|404/i.test(line))?.trim();
    stop([
      `npm start needs the Electron ${version} binary, and it could not be downloaded${reason ? ` (${reason})` : ''}.`,
      'It comes from the Electron release downloads (github.com/electron/electron); this machine cannot reach them.',
      'Nothing was built or changed. Everything else works without it:',
      '  npm test        lint, typecheck, unit, backend and browser tests',
      '  npm run demo    a sample database and every paper, in demo-output/',
      '  npm run bench   the speed figures',
      'On a PC that can reach the downloads, run npm start again.',
    ]);
  }
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const electron = require('electron');
const app = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
