// Settling's half of `npm run bench` (issue 21): BENCH_CLAIM_PARTS (default 50,000) parts fitted on
// the bench's tickets, most under warranty, seeded straight to SQL; one maker for the first
// model; then what the desk asks of them: the parts still to claim, a claim of 100 lines made,
// the Desk's settling panel, the models with their makers; and the month's returns to that maker
// (issue 21 point 2: the six forms' figures, then the whole pack drawn and archived as a PDF).
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

export async function benchSettle(
  invoke: Invoke,
  sqlite: Database.Database,
  opts: { parts: number; rand: () => number; stats: (samples: number[]) => string; time: (fn: () => Promise<unknown>) => Promise<number> },
): Promise<string[]> {
  const ok = async <T,>(channel: string, input: unknown): Promise<T> => {
    const result = await invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const t0 = performance.now();
  // A kept bench file (bench-reports-db.ts) may have had this half run on it before: the same part
  // and maker are used again and no more parts are seeded, so its figures stay comparable.
  const kept = sqlite.prepare("select id from parts where part_number = 'BENCH-CAP'").get() as { id: number } | undefined;
  const part = kept ?? (await ok<{ id: number }>('parts:create', { partNumber: 'BENCH-CAP', name: '压缩机电容', costFen: 2000, priceFen: 4500, quantity: 0 }));
  const tickets = (sqlite.prepare('select max(id) as n from tickets').get() as { n: number | null }).n ?? 0;
  const insert = sqlite.prepare(`insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) values (?, ?, 1, 4500, 2000, ?, null, ?, ?)`);
  if (!kept) {
    sqlite.transaction(() => {
      for (let i = 0; i < opts.parts && tickets > 0; i++) insert.run(1 + Math.floor(opts.rand() * tickets), part.id, opts.rand() < 0.7 ? 1 : 0, '2026-06-01', Date.now());
    })();
    sqlite.exec('analyze');
  }
  const seedMs = performance.now() - t0;
  const maker = (sqlite.prepare("select id from makers where name = '格力电器售后服务部'").get() as { id: number } | undefined) ?? (await ok<{ id: number }>('makers:create', { name: '格力电器售后服务部' }));
  const model = (sqlite.prepare('select min(id) as id from product_models').get() as { id: number }).id;
  await ok('makers:setModelMaker', { modelId: model, makerId: maker.id });

  const candidates: number[] = [];
  let found = 0;
  let offered = 0;
  for (let i = 0; i < 10; i++)
    candidates.push(
      await opts.time(async () => {
        const answer = await ok<{ candidates: unknown[]; total: number }>('claims:candidates', { makerId: maker.id });
        found = answer.total;
        offered = answer.candidates.length;
      }),
    );
  const claims: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ids = (await ok<{ candidates: { ticketPartId: number }[] }>('claims:candidates', { makerId: maker.id })).candidates.slice(0, 100).map((c) => c.ticketPartId);
    if (ids.length === 0) break; // a small bench (or a kept file run again) has claimed them all
    claims.push(await opts.time(() => ok('claims:create', { makerId: maker.id, ticketPartIds: ids })));
  }
  const desk: number[] = [];
  for (let i = 0; i < 20; i++) desk.push(await opts.time(() => ok('settle:desk', {})));
  const models: number[] = [];
  for (let i = 0; i < 10; i++) models.push(await opts.time(() => ok('makers:models', {})));
  // The month's returns for the maker: last month (a month as the desk sends it), and June, the month
  // the seeded parts were all fitted in (the heaviest parts list the bench can make).
  const now = new Date();
  const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const month = `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}`;
  const returnsPack: number[] = [];
  let packLines = 0;
  for (let i = 0; i < 5; i++) returnsPack.push(await opts.time(async () => (packLines = (await ok<{ repairs: { total: number } }>('makerReturns:pack', { makerId: maker.id, month })).repairs.total)));
  const returnsPaper: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) returnsPaper.push(await opts.time(async () => (bytes = (await ok<{ size: number }>('documents:makerReturns', { makerId: maker.id, month, paper: 'A4', language: 'zh-CN' })).size)));
  const heavy: number[] = [];
  let heavyParts = 0;
  for (let i = 0; i < 3; i++) heavy.push(await opts.time(async () => (heavyParts = (await ok<{ partsReplaced: { rows: unknown[] } }>('makerReturns:pack', { makerId: maker.id, month: '2026-06' })).partsReplaced.rows.length)));
  return [
    `makerReturns:pack (${month}, ${packLines.toLocaleString()} repairs):      ${opts.stats(returnsPack)}`,
    `documents:makerReturns (${month}, A4 zh, ${Math.round(bytes / 1024)} KiB, archived): ${opts.stats(returnsPaper)}   (target ≤ 2 s)`,
    `makerReturns:pack (2026-06, ${heavyParts.toLocaleString()} parts lines):  ${opts.stats(heavy)}`,
    `Seeded ${opts.parts.toLocaleString()} fitted parts in ${(seedMs / 1000).toFixed(1)} s; ${found.toLocaleString()} to claim from the first model's maker`,
    `claims:candidates (the oldest ${offered.toLocaleString()} of ${found.toLocaleString()}, what one claim takes): ${opts.stats(candidates)}`,
    `claims:create (100 lines):                     ${opts.stats(claims)}`,
    `settle:desk (the Desk's settling panel):       ${opts.stats(desk)}`,
    `makers:models (models, makers, units in use):  ${opts.stats(models)}`,
  ];
}
