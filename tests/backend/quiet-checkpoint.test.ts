import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

/*
 * Issue 23: the WAL's pages go into the main file while the desk is quiet, not in whichever
 * clerk's write reaches SQLite's threshold (on ten years of data that write took 35–165 ms).
 */
let backend: TestBackend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the quiet checkpoint', { timeout: 60_000 }, () => {
  it('moves a write into the main file a few seconds after the desk goes quiet, and only then', async () => {
    backend = await openTestBackend();
    const b = backend;
    await b.maintenance;
    expect(await b.damaged).toBeNull();
    const main = join(b.dir, 'desk.sqlite');
    // Whatever the start wrote is in the main file first.
    b.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = digest(main);
    // A small write: far below the 1,000 pages at which SQLite would checkpoint in the write itself.
    await b.ok('customers:create', person({ name: '安静时写入', phones: [{ phone: '13900002222' }] }));
    expect(digest(main)).toBe(before);
    expect(b.store.sqlite.prepare("select count(*) from customers where name = '安静时写入'").pluck().get()).toBe(1);
    // Quiet: the write reaches the main file by itself.
    await expect.poll(() => digest(main), { timeout: 15_000, interval: 250 }).not.toBe(before);
    const [state] = b.store.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(state!.checkpointed).toBe(state!.log);
  });
});
