#!/usr/bin/env node
// `npm run electron:support`: is the Electron we pin still supported? Electron supports its three
// newest major lines; an app on an older one gets no Chromium security fixes. Asks the npm
// registry (needs the network, so it is not part of `npm test`), prints the answer, and exits 1
// when the pinned line has left support.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SUPPORTED_LINES = 3;
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).devDependencies.electron;
const pinnedMajor = Number(String(pinned).replace(/^[^\d]*/, '').split('.')[0]);

let versions;
try {
  versions = JSON.parse(execFileSync('npm', ['view', 'electron', 'versions', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' }));
} catch (error) {
  console.error(`Could not ask the npm registry about Electron: ${error.message.split('\n')[0]}`);
  process.exit(2);
}
const stable = versions.filter((v) => /^\d+\.\d+\.\d+$/.test(v));
const majors = [...new Set(stable.map((v) => Number(v.split('.')[0])))].sort((a, b) => b - a);
const supported = majors.slice(0, SUPPORTED_LINES);
const newestOf = (major) => stable.filter((v) => Number(v.split('.')[0]) === major).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);

console.log(`Pinned: electron ${pinned} (line ${pinnedMajor}).`);
console.log(`Supported lines now: ${supported.map((m) => `${m} (newest ${newestOf(m)})`).join(', ')}.`);
if (!supported.includes(pinnedMajor)) {
  console.log(`Line ${pinnedMajor} has left support: move to ${supported[0]}.x (newest ${newestOf(supported[0])}).`);
  process.exit(1);
}
const left = supported.indexOf(pinnedMajor);
console.log(
  left === SUPPORTED_LINES - 1
    ? `Line ${pinnedMajor} is the oldest still supported: it leaves support when ${supported[0] + 1} ships. Plan the move.`
    : `Line ${pinnedMajor} is supported. Newest patch: ${newestOf(pinnedMajor)}${newestOf(pinnedMajor) === pinned ? ' (pinned)' : ' (not yet pinned)'}.`,
);
