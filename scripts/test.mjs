#!/usr/bin/env node
// `npm test`: lint (ESLint, and dependency-cruiser for cycles and boundaries), typecheck, unit +
// backend tests (vitest), build, e2e (Playwright in Debian's Chromium). Every stage runs even when
// an earlier one fails, so one run shows everything; the last line is the real total as
// `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

// npm runs scripts with node_modules/.bin first on PATH, where `npm install` put the pinned Node 22
// (package.json, optionalDependencies). Anything older cannot load better-sqlite3 13: say so.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Node ${process.version} is running the tests; they need Node 22 (better-sqlite3 13 crashes on older ones).`);
  console.error('Run them as `npm test` after `npm install` (it installs a pinned Node 22 for this platform), or install Node 22.12 or later.');
  process.exit(1);
}
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
console.log(`== Node ${process.version}, Electron ${electronVersion} (pinned), better-sqlite3 ${createRequire(import.meta.url)('better-sqlite3/package.json').version}`);

const out = '.test-output';
mkdirSync(out, { recursive: true });
const vitestJson = `${out}/vitest-results.json`;
const e2eJson = `${out}/e2e-results.json`;
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

function run(label, command, args) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  console.log(`== ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`}`);
  return ok;
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    return null;
  }
}

const stages = [];
stages.push(['lint', run('lint', 'npm', ['run', '--silent', 'lint'])]);
stages.push(['typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck'])]);
const vitestOk = run('unit and backend tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const buildOk = run('build', 'npx', ['electron-vite', 'build']);
stages.push(['build', buildOk]);
const e2eOk = buildOk && run('e2e tests', 'npx', ['playwright', 'test']);

let passed = 0;
let failed = 0;
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) failed += 1; // crashed or found no tests
const e2e = readJson(e2eJson);
if (e2e && buildOk) {
  const s = e2e.stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky;
  console.log(`e2e: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`);
}
if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) failed += 1;
for (const [name, ok] of stages) {
  if (!ok) {
    console.log(`${name}: failed`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
