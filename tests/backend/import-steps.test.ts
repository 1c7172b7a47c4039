import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importFaults, STEP_ROWS } from '../../electron/backend/domains/excel/import-steps';
import { openTestBackend, type TestBackend } from '../support/backend';
import { bundleFile, ROOT } from '../support/child-bundle';
import { digests, openedSheet, writeSheet } from '../support/import-sheet';
import { person, seedModel } from '../support/sample';

/*
 * Issue 23: the import writes in steps of STEP_ROWS rows, each its own transaction, so the desk
 * answers while a big sheet goes in; and it stays all or nothing: a step that fails takes back the
 * steps before it, and a start after the process was killed midway takes back what it left.
 */

const NOW = () => new Date('2026-11-22T10:00:00+08:00');

let backend: TestBackend | null = null;
afterEach(async () => {
  importFaults.failAtStep = null;
  await backend?.close();
  backend = null;
});

const opened = openedSheet;

const count = (b: TestBackend, table: string) => b.store.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

// Sheets of several hundred rows on a shared machine: each test takes tens of seconds there.
describe('an import written in steps', { timeout: 180_000 }, () => {
  it('commits step by step with the desk answering between steps, and ends as one batch of everything', async () => {
    backend = await openTestBackend(undefined, NOW);
    await seedModel(backend);
    await backend.ok('customers:create', person({ name: '老客户', phones: [{ phone: '13900001111' }] }));
    const input = await opened(backend, STEP_ROWS * 2 + 200);
    const before = count(backend, 'customers');
    let done = false;
    const committing = backend.ok('import:commit', input).finally(() => (done = true));
    // The clerk keeps searching: answers come while the import is between steps, its first
    // customers already there and the rest not yet.
    const seenBetween: number[] = [];
    const deadline = Date.now() + 150_000;
    while (!done) {
      if (Date.now() > deadline) throw new Error('the import did not finish');
      const found = await backend.ok('search:query', { query: '老客户', limit: 5 });
      expect(found.length).toBeGreaterThan(0);
      const now = count(backend, 'customers') - before;
      // Every customer seen is one its step recorded under the batch in the same transaction.
      const recorded = backend.store.sqlite.prepare("select count(*) from import_batch_rows where table_name = 'customers'").pluck().get() as number;
      if (!done && now > 0 && now < STEP_ROWS * 2 + 200) seenBetween.push(now - recorded);
      // As the desk's requests come: each its own turn of the event loop (IPC messages), not a
      // chain of promises that never lets a timer or an import's next step in.
      await new Promise((r) => setTimeout(r, 1));
    }
    const result = await committing;
    expect(seenBetween.length).toBeGreaterThan(0);
    for (const n of seenBetween) expect(n).toBe(0); // whole steps only, never a row without its record
    expect(result).toMatchObject({ customersCreated: STEP_ROWS * 2 + 200, unitsCreated: STEP_ROWS * 2 + 200, batch: { customersCreated: STEP_ROWS * 2 + 200 } });
    expect(count(backend, 'customers') - before).toBe(STEP_ROWS * 2 + 200);
    // One batch, finished, holding every row it wrote: the undo takes all of it back.
    const batches = await backend.ok('import:batches', {});
    expect(batches).toHaveLength(1);
    expect(backend.store.sqlite.prepare("select count(*) from import_batch_rows where table_name = 'customers'").pluck().get()).toBe(STEP_ROWS * 2 + 200);
    expect(await backend.ok('import:undoCheck', { batchId: batches[0]!.id })).toMatchObject({ blockerCount: 0 });
    await backend.ok('import:undo', { batchId: batches[0]!.id });
    expect(count(backend, 'customers')).toBe(before);
  });

  it('answers the desk while a big sheet is still being checked, before its first row is written', async () => {
    backend = await openTestBackend(undefined, NOW);
    const b = backend;
    await seedModel(b);
    const input = await opened(b, STEP_ROWS * 12);
    const committing = b.ok('import:commit', input);
    // The commit is checking its 3,000 rows (a serial looked up for each): the next turn of the
    // event loop comes between two slices of that check, and a search asked then is answered
    // before the import has written anything, its batch included.
    await new Promise((resolve) => setImmediate(resolve));
    const answer = await b.invoke('search:query', { query: '导入客户', limit: 5 });
    const batchesThen = b.store.sqlite.prepare('select count(*) from import_batches').pluck().get();
    expect(answer.ok).toBe(true);
    expect(batchesThen).toBe(0);
    expect((await committing).customersCreated).toBe(STEP_ROWS * 12);
  });

  it('takes back every step written when a later step fails, and the same sheet then imports whole', async () => {
    backend = await openTestBackend(undefined, NOW);
    await seedModel(backend);
    const input = await opened(backend, STEP_ROWS * 3);
    const before = digests(backend.store.sqlite);
    importFaults.failAtStep = 3;
    const error = await backend.fails('import:commit', input);
    expect(error.code).toBe('INTERNAL');
    // Two steps had committed; nothing of them is left, the batch neither.
    expect(digests(backend.store.sqlite)).toEqual(before);
    expect(await backend.ok('search:query', { query: '导入客户1', limit: 5 })).toEqual([]);
    importFaults.failAtStep = null;
    const result = await backend.ok('import:commit', input);
    expect(result).toMatchObject({ customersCreated: STEP_ROWS * 3 });
    expect(await backend.ok('import:batches', {})).toHaveLength(1);
  });

  it('a serial taken by the desk while the import runs fails that step: nothing of the import stays', async () => {
    backend = await openTestBackend(undefined, NOW);
    const model = await seedModel(backend);
    const customer = await backend.ok('customers:create', person({ name: '抢先登记', phones: [{ phone: '13900002222' }] }));
    const input = await opened(backend, STEP_ROWS * 3);
    const before = count(backend, 'customers');
    const committing = backend.fails('import:commit', input);
    // The clerk registers a unit with a serial the sheet's last step holds, while the first steps go in.
    let settled = false;
    void committing.finally(() => (settled = true));
    while (count(backend, 'customers') === before && !settled) await new Promise((r) => setTimeout(r, 1));
    expect(settled).toBe(false);
    await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: `STEP-${String(STEP_ROWS * 3 - 1).padStart(6, '0')}`, purchaseDate: '2026-03-01' });
    const error = await committing;
    expect(error.code).not.toBe('OK');
    expect(count(backend, 'customers')).toBe(before);
    expect(backend.store.sqlite.prepare('select count(*) from import_batches').pluck().get()).toBe(0);
    // The clerk's own unit stays.
    expect(backend.store.sqlite.prepare("select count(*) from units where serial like 'STEP-%'").pluck().get()).toBe(1);
  });

  it('a process killed midway leaves nothing: the next start takes back the steps it wrote before answering', async () => {
    backend = await openTestBackend(undefined, NOW);
    await seedModel(backend);
    const { dir } = backend;
    const dbPath = join(dir, 'desk.sqlite');
    const sheet = join(dir, 'big.xlsx');
    await writeSheet(sheet, STEP_ROWS * 12);
    const before = digests(backend.store.sqlite);
    await backend.close();
    backend = null;
    const writer = bundleFile(join(ROOT, 'tests/support/import-crash-writer.ts'), join(ROOT, '.test-output', 'import-crash-writer', 'import-crash-writer.cjs'));
    const child = spawn(process.execPath, [writer, dbPath, join(dir, 'documents'), sheet], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Watched from a second connection: killed once two steps have committed and the batch still runs.
    const watch = new Database(dbPath, { readonly: true, fileMustExist: true });
    const deadline = Date.now() + 60_000;
    let written = 0;
    for (;;) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the import ended before the kill: ${out} ${err}`);
      try {
        const running = watch.prepare('select count(*) from import_batches where running = 1').pluck().get() as number;
        written = watch.prepare("select count(*) from customers where name like '导入客户%'").pluck().get() as number;
        if (running === 1 && written >= STEP_ROWS * 2) break;
      } catch {
        // The writer's migrations may still be running: the table is not there yet.
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    watch.close();
    expect(out).toContain('OPENED');
    expect(out).not.toContain('DONE');
    expect(written).toBeLessThan(STEP_ROWS * 12);
    backend = await openTestBackend(dir, NOW);
    expect(digests(backend.store.sqlite)).toEqual(before);
    expect(await backend.ok('import:batches', {})).toEqual([]);
    expect(backend.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The log shows the take-back as the undo it is: every customer the killed run wrote, removed.
    const [undo] = (await backend.ok('audit:list', { channel: 'import:undo' })).items;
    expect(undo?.operator ?? null).toBe('');
    const removed = (await backend.ok('audit:get', { id: undo!.id })).rows.filter((r) => r.table === 'customers' && r.op === 'delete');
    expect(removed.length).toBeGreaterThanOrEqual(written);
  });
});
