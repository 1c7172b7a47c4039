import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../support/temp';
import { bundleFile, ROOT } from '../support/child-bundle';

/**
 * "Crash safety proven": a child process writes through the real backend (tests/support/crash-writer.ts)
 * and is killed with SIGKILL at a random moment, over and over, on one database file so that any
 * damage would pile up. After every kill the file must pass integrity_check and hold every write
 * the child had reported as committed, together with its search-index rows.
 */

/** 100 in `npm test`; `CRASH_TRIALS=1000` for a longer run by hand. */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 100);
/**
 * The writer is bundled once into one file inside the checkout (where the PDF libraries it
 * loads on demand are found): starting it then costs a fraction of loading tsx for every trial.
 */
const WRITER = bundleFile(join(ROOT, 'tests/support/crash-writer.ts'), join(ROOT, '.test-output', 'crash-writer', 'crash-writer.cjs'));

/** mulberry32: the kill moments are random but the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Child {
  trial: number;
  proc: ChildProcessWithoutNullStreams;
  out: string;
  err: string;
  exited: Promise<void>;
  /** Resolves when stdout has a line starting with the prefix. */
  waitFor(prefix: string): Promise<void>;
}

function spawnWriter(dbPath: string, docsDir: string, trial: number, warm: boolean): Child {
  const args = [WRITER, dbPath, docsDir, String(trial), ...(warm ? ['--warm'] : [])];
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const waiters: { prefix: string; resolve: () => void }[] = [];
  const child: Child = {
    trial,
    proc,
    out: '',
    err: '',
    exited: new Promise((resolve) => proc.once('exit', () => resolve())),
    waitFor(prefix) {
      if (child.out.startsWith(prefix) || child.out.includes(`\n${prefix}`)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ prefix, resolve });
        proc.once('exit', (code, signal) =>
          reject(new Error(`writer ${trial} exited (${code ?? signal}) before "${prefix}": ${child.err}`)),
        );
      });
    },
  };
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    child.out += chunk;
    for (const w of [...waiters]) {
      if (child.out.startsWith(w.prefix) || child.out.includes(`\n${w.prefix}`)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  proc.stderr.on('data', (chunk: string) => (child.err += chunk));
  proc.stdin.on('error', () => {}); // the child may be dead already
  return child;
}

/** Only whole lines count: a line cut by the kill was never fully reported. */
function committedLines(out: string): string[][] {
  const whole = out.slice(0, out.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((l) => l.startsWith('COMMITTED '))
    .map((l) => l.split(' ').slice(1));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

describe('crash safety', () => {
  const dir = tempDataDir('crash');
  const dbPath = join(dir, 'desk.sqlite');
  const docsDir = join(dir, 'documents');
  const pending: Child[] = [];
  afterAll(() => {
    for (const c of pending) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every committed write through ${TRIALS} SIGKILLs`, async () => {
    const started = Date.now();
    const random = prng(20260522);
    const totals = { trials: 0, checked: 0, losses: 0, byKind: {} as Record<string, number> };
    const losses: string[] = [];
    const all = { customers: new Set<number>(), units: new Set<number>(), documents: new Set<number>() };
    // Loading the backend takes a moment: keep two writers loading ahead.
    const AHEAD = 2;
    const warm = (trial: number) => trial % 3 === 0;
    let next = 0;
    const queue = () => {
      while (pending.length < AHEAD + 1 && next < TRIALS) {
        pending.push(spawnWriter(dbPath, docsDir, next, warm(next)));
        next++;
      }
    };

    for (let trial = 0; trial < TRIALS; trial++) {
      queue();
      const child = pending[0]!;
      await child.waitFor('WAITING');
      child.proc.stdin.write('go\n');
      await child.waitFor('COMMITTED');
      // Somewhere in the writer's first few hundred milliseconds of work: dozens of commits in flight.
      const delay = 40 + Math.floor(random() * 280);
      await new Promise((resolve) => setTimeout(resolve, delay));
      expect(child.proc.exitCode, `writer ${trial} stopped by itself: ${child.err}`).toBeNull();
      child.proc.kill('SIGKILL');
      await child.exited;
      pending.shift();
      queue();

      const lines = committedLines(child.out);
      const sqlite = new Database(dbPath);
      try {
        expect(sqlite.pragma('integrity_check', { simple: true }), `integrity after trial ${trial}`).toBe('ok');
        const one = (query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as Record<string, unknown> | undefined;
        const lastUpdate = new Map<number, number>();
        const lose = (what: string) => losses.push(`trial ${trial}: ${what}`);
        for (const [kind, a, b, c] of lines) {
          const id = Number(a);
          totals.checked++;
          totals.byKind[kind!] = (totals.byKind[kind!] ?? 0) + 1;
          if (kind === 'customer') {
            all.customers.add(id);
            if (!one('select 1 from customers where id = ?', id)) lose(`customer ${id} missing`);
            else if (!one('select 1 from customer_phones where customer_id = ? and phone = ?', id, b)) lose(`customer ${id} lost phone ${b}`);
            else if (!one("select 1 from search_keys where kind = 'customer' and ref_id = ? and key = ?", id, b)) lose(`customer ${id} phone ${b} not indexed`);
            // The audit log is written by triggers in the same transaction: it can never lag the data.
            else if (!one("select 1 from audit_rows where table_name = 'customers' and row_id = ? and op = 'insert'", String(id))) lose(`customer ${id} not in the audit log`);
          } else if (kind === 'unit') {
            all.units.add(id);
            if (!one('select 1 from units where id = ? and serial = ?', id, b)) lose(`unit ${id} (${b}) missing`);
            else if (!one("select 1 from search_keys where kind = 'unit' and ref_id = ? and key = ?", id, b!.toLowerCase())) lose(`unit ${id} not indexed`);
            else if (!one("select 1 from audit_rows where table_name = 'units' and row_id = ? and op = 'insert'", String(id))) lose(`unit ${id} not in the audit log`);
          } else if (kind === 'update') {
            lastUpdate.set(id, Math.max(lastUpdate.get(id) ?? 0, Number(b!.split('x')[1])));
          } else if (kind === 'document') {
            all.documents.add(id);
            const row = one('select file_name, sha256 from documents where id = ?', id);
            const file = join(docsDir, b!);
            if (!row || row.file_name !== b || row.sha256 !== c) lose(`document ${id} row missing or changed`);
            else if (!existsSync(file) || createHash('sha256').update(readFileSync(file)).digest('hex') !== c) lose(`document ${id} file missing or changed`);
            else if (!one('select 1 from search_fts where rowid = ?', id * 4 + 2)) lose(`document ${id} not indexed`);
          } else if (kind === 'merge') {
            const gone = one('select merged_into_id, archived_at from customers where id = ?', Number(b));
            if (!gone || gone.merged_into_id === null || gone.archived_at === null) lose(`merge of ${b} into ${id} undone`);
          } else {
            lose(`unknown line ${kind}`);
          }
        }
        // A later update may have committed without being reported, so the name may be newer, never older.
        for (const [id, counter] of lastUpdate) {
          const row = one('select name from customers where id = ?', id);
          const match = typeof row?.name === 'string' ? /^更新(\d+)x(\d+)$/.exec(row.name) : null;
          if (!match || Number(match[1]) !== trial || Number(match[2]) < counter) lose(`customer ${id} update ${counter} lost (name ${String(row?.name)})`);
          else if (!one("select 1 from search_keys where kind = 'customer' and ref_id = ? and key = ?", id, row!.name)) lose(`customer ${id} renamed but not indexed`);
        }
      } finally {
        sqlite.close();
      }
      totals.trials++;
      expect(losses).toEqual([]);
    }

    // Every record reported over all trials is still there at the end, and the index agrees.
    const sqlite = new Database(dbPath, { readonly: true });
    let orphans = 0;
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // No logged row without its request, and no logged insert of a row that never committed.
      const headless = sqlite.prepare('select count(*) as n from audit_rows where change_id not in (select id from audit_changes)').get() as { n: number };
      if (headless.n > 0) losses.push(`end: ${headless.n} audit rows without their request`);
      const phantom = sqlite.prepare("select count(*) as n from audit_rows r where r.table_name = 'customers' and r.op = 'insert' and not exists (select 1 from audit_rows d where d.table_name = 'customers' and d.row_id = r.row_id and d.op = 'delete') and cast(r.row_id as integer) not in (select id from customers)").get() as { n: number };
      if (phantom.n > 0) losses.push(`end: ${phantom.n} customers logged as created but not in the database`);
      const ids = (table: string) => new Set((sqlite.prepare(`select id from ${table}`).all() as { id: number }[]).map((r) => r.id));
      const [customers, units, documents] = [ids('customers'), ids('units'), ids('documents')];
      for (const id of all.customers) if (!customers.has(id)) losses.push(`end: customer ${id} missing`);
      for (const id of all.units) if (!units.has(id)) losses.push(`end: unit ${id} missing`);
      for (const id of all.documents) if (!documents.has(id)) losses.push(`end: document ${id} missing`);
      const stored = new Set((sqlite.prepare('select file_name from documents').all() as { file_name: string }[]).map((r) => r.file_name));
      // A kill between the PDF's rename and the commit leaves a file no row points at: harmless, but counted.
      orphans = listFiles(docsDir).filter((f) => !stored.has(relative(docsDir, f).split('\\').join('/'))).length;
    } finally {
      sqlite.close();
    }
    totals.losses = losses.length;
    console.log(
      `crash test: ${totals.trials} trials, ${totals.checked} committed writes checked ` +
        `(${Object.entries(totals.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
        `${totals.losses} losses, ${orphans} orphan document files, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(losses).toEqual([]);
    expect(totals.trials).toBe(TRIALS);
  }, Math.max(420_000, TRIALS * 3_000));
});
