// The bench's document figures: a desk just started, warm cards, the desk's search while cards
// are drawn, and a warm headless Chromium printing the same card's HTML beside us.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { buildSync } from 'esbuild';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import { warrantyCardDefinition, type WarrantyCardData } from '../electron/backend/documents/warranty-card/warranty-card';
import { definitionHtml } from './bench-card-html';

type Invoke = (channel: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * The worker as the app runs it: bundled (as electron-vite bundles out/main/document-worker.js),
 * its packages loaded from node_modules. BENCH_WORKER=source runs the TypeScript through tsx.
 */
export function documentWorker(): string | undefined {
  if (process.env.BENCH_WORKER === 'source') return undefined;
  const outfile = resolve('out/bench/document-worker.js');
  buildSync({ entryPoints: ['electron/backend/documents/worker/document-worker.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'error' });
  return outfile;
}

async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A desk just started: from the backend being ready to the first warranty card, warm-up running. */
export async function benchFirstDocument(workerEntry: string | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-start-'));
  const options = {
    dbPath: join(dir, 'desk.sqlite'),
    documentsDir: join(dir, 'documents'),
    platform: new HeadlessPlatform(join(dir, 'printed')),
    logger: new MemoryLogger(),
    documents: { warmUp: true, workerEntry },
  };
  let backend = await createBackend(options);
  await call(backend.invoke, 'settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' });
  const policy = await call<{ id: number }>(backend.invoke, 'policies:create', { name: '标准保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', months: 12 }, { key: 'main', name: '主要部件', months: 36 }] });
  const model = await call<{ id: number }>(backend.invoke, 'models:create', { brand: '格力', model: 'KFR-35GW', category: '空调', policyId: policy.id });
  const customer = await call<{ id: number }>(backend.invoke, 'customers:create', { name: '张三丰', phones: [{ phone: '13812345678' }], addresses: [{ address: '浙江省杭州市西湖区文三路 90 号', isDefault: true }] });
  const unit = await call<{ id: number }>(backend.invoke, 'units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  await backend.close();
  // The desk starts again and the first thing asked is a card.
  const started = performance.now();
  backend = await createBackend(options);
  const ready = performance.now();
  await call(backend.invoke, 'documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
  const first = performance.now();
  await backend.documents.whenWarm();
  const warm = performance.now();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
  return `documents, a desk just started: ready in ${ms(ready - started)}; first warranty card ${ms(first - ready)} after ready (target ≤ 600 ms); warm-up done ${ms(warm - ready)} after ready (${workerEntry ? 'bundled worker' : 'worker from sources'})`;
}

/**
 * The desk's search while eight cards are being drawn: a search is due every 20 ms (as typing
 * sends them), and each counts from when it was due to its answer, so a desk busy drawing
 * shows as searches answered late.
 */
export async function benchSearchWhileDrawing(invoke: Invoke, queries: string[], unitIds: number[]): Promise<string> {
  const EVERY = 20;
  const searches: number[] = [];
  let drawing = true;
  const started = performance.now();
  const cards = Promise.all(unitIds.slice(0, 8).map((unitId, i) => call(invoke, 'documents:warrantyCard', { unitId, paper: i % 2 ? 'A5' : 'A4', language: 'zh-CN' }))).finally(() => (drawing = false));
  for (let i = 0; drawing; i++) {
    const due = started + i * EVERY;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    await call(invoke, 'search:query', { query: queries[i % queries.length], limit: 20 });
    searches.push(performance.now() - due);
  }
  await cards;
  const drawn = performance.now() - started;
  const sorted = [...searches].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  return `search:query while 8 cards are drawn (${ms(drawn)} for the 8), one due every ${EVERY} ms, due to answered: ${searches.length} searches, p50 ${median(searches).toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · max ${sorted.at(-1)!.toFixed(1)} ms`;
}

/**
 * One card, the same data: drawn by the desk (render, archive, commit) and printed from its HTML
 * by a warm headless Chromium (Debian's, never a downloaded build), medians side by side.
 */
export async function benchAgainstChromium(invoke: Invoke, unitId: number, rounds = 12): Promise<string[]> {
  const [settings, unit] = await Promise.all([call<WarrantyCardData['settings']>(invoke, 'settings:get', {}), call<WarrantyCardData['unit']>(invoke, 'units:get', { id: unitId })]);
  const customer = await call<WarrantyCardData['customer']>(invoke, 'customers:get', { id: unit.customerId });
  const ours: number[] = [];
  let ourSize = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const doc = await call<{ size: number }>(invoke, 'documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    ours.push(performance.now() - t);
    ourSize = doc.size;
  }
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-chromium-'));
  mkdirSync(dir, { recursive: true });
  const page = join(dir, 'card.html');
  const data: WarrantyCardData = { number: 'BXK-2026-000001', issuedOn: '2026-11-22', settings: { ...settings, logo: null }, customer, unit, serviceLevel: null };
  writeFileSync(page, definitionHtml(warrantyCardDefinition(data, 'zh-CN', 'A4')));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const theirs: number[] = [];
  let theirSize = 0;
  try {
    const tab = await browser.newPage();
    // Warm: the browser, the page and the font loaded once before timing.
    for (let i = 0; i < rounds + 3; i++) {
      const t = performance.now();
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // The page's fonts loaded (document.fonts.ready), written as text: this file is Node code.
      await tab.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      if (i >= 3) theirs.push(performance.now() - t);
      theirSize = pdf.length;
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  return [
    `the same A4 card, warm, median of ${rounds}: desk ${ms(median(ours))} (render + archive + commit, ${kb(ourSize)}) · headless Chromium ${ms(median(theirs))} (load + print its HTML, ${kb(theirSize)})`,
    `  Chromium / desk: ${(median(theirs) / median(ours)).toFixed(1)}× the time, ${(theirSize / ourSize).toFixed(1)}× the file`,
  ];
}
