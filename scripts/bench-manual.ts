// The bench's maintenance manual figure (issue 16): a 40-page manual of CJK text, tables and two
// pictures (a drawing as PNG, a photo as JPEG), issued through the desk as the clerk issues it
// (assembled, drawn in the document worker, archived). Target: ≤ 1 s, ≤ 120 KB per page.
// Figures only. Runs inside `npm run bench`, or alone: `npx tsx scripts/bench-manual.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createBackend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import type { BlockNode, ManualChapters } from '../shared/schemas/manual';
import { documentWorker } from './bench-documents';

type Invoke = (channel: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const SENTENCES = [
  '开机前确认电源电压正常，室外机周围无遮挡物，排水管无打折。',
  '过滤网每两周清洗一次，灰尘较多的环境每周清洗一次，清洗后阴干再装回。',
  '运行中出现异常响声、焦味或冒烟时，立即关机并断开电源，拨打服务热线报修。',
  '长期不用时，先送风运行两小时使内部干燥，再关闭电源并盖好室外机防尘罩。',
  '冷媒管路的保温层如有破损，应及时修补，以免凝露滴水和能效下降。',
];
const text = (t: string) => ({ type: 'text' as const, text: t });
const para = (i: number): BlockNode => ({ type: 'paragraph', content: [text(Array.from({ length: 4 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(''))] });
const table = (rows: number): BlockNode => ({
  type: 'table',
  content: [['现象', '可能原因', '处理方法'], ...Array.from({ length: rows }, (_, r) => [`故障现象 ${r + 1}：制冷效果差`, `过滤网脏堵或冷媒不足（${r + 1}）`, '清洗过滤网；报修检漏并补充冷媒'])].map((row, i) => ({
    type: 'tableRow',
    content: row.map((t) => ({ type: i === 0 ? 'tableHeader' : 'tableCell', content: [{ type: 'paragraph', content: [text(t)] }] })),
  })),
}) as BlockNode;

/** Two pictures: a piping drawing (PNG) and a photo-like gradient with grain (JPEG), both 1600 px wide. */
async function pictures(): Promise<[string, string]> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="700"><rect width="1600" height="700" fill="#fff"/>${Array.from({ length: 12 }, (_, i) => `<rect x="${40 + i * 130}" y="${60 + (i % 3) * 180}" width="110" height="120" fill="none" stroke="#1f3b73" stroke-width="6"/>`).join('')}<path d="M60 660 H1540" stroke="#c0392b" stroke-width="10"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const noise = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#7a8ca0', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg({ quality: 80 }).toBuffer();
  return [`data:image/png;base64,${png.toString('base64')}`, `data:image/jpeg;base64,${noise.toString('base64')}`];
}

/** Seeds its own desk: one site of three units, content long enough for a manual of about 40 pages. */
export async function benchManual(workerEntry: string | undefined): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-manual-'));
  const backend = await createBackend({
    dbPath: join(dir, 'desk.sqlite'),
    documentsDir: join(dir, 'documents'),
    platform: new HeadlessPlatform(join(dir, 'printed')),
    logger: new MemoryLogger(),
    documents: { warmUp: true, workerEntry },
  });
  const invoke = backend.invoke as Invoke;
  try {
    await call(invoke, 'settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234', address: '浙江省杭州市拱墅区湖墅南路 186 号' });
    const policy = await call<{ id: number }>(invoke, 'policies:create', { name: '标准保修', basis: 'acceptance', components: [{ key: 'whole', name: '整机', months: 12 }, { key: 'compressor', name: '压缩机', months: 72 }] });
    const customer = await call<{ id: number }>(invoke, 'customers:create', { kind: 'organisation', name: '杭州市余杭区良渚第二小学', phones: [{ phone: '057188776655' }] });
    const [drawing, photo] = await pictures();
    const units: number[] = [];
    for (const [i, name] of ['KFR-35GW', 'KFR-26GW', 'KFR-72LW'].entries()) {
      const model = await call<{ id: number }>(invoke, 'models:create', { brand: '格力', model: name, category: '空调', policyId: policy.id });
      const long = (n: number, from: number) => Array.from({ length: n }, (_, k) => para(from + k));
      const chapters: ManualChapters = {
        description: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('系统组成')] }, ...long(40, i), ...(i === 0 ? [{ type: 'image' as const, attrs: { src: drawing } }, { type: 'image' as const, attrs: { src: photo } }] : [])] },
        operation: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('正常运行操作')] }, ...long(40, i + 1), { type: 'heading', attrs: { level: 2 }, content: [text('异常情况下的应变处理')] }, ...long(30, i + 2)] },
        troubleshooting: { type: 'doc', content: [table(100)] },
      };
      await call(invoke, 'manuals:save', { modelId: model.id, body: { zh: chapters, en: null } });
      units.push((await call<{ id: number }>(invoke, 'units:create', { customerId: customer.id, modelId: model.id, serial: `GL${i}2610001`, purchaseDate: '2026-10-28' })).id);
    }
    const job = await call<{ id: number }>(invoke, 'installations:create', { customerId: customer.id, unitIds: units, appointmentOn: '2026-11-09' });
    await backend.documents.whenWarm();
    const issue = async () => {
      const started = performance.now();
      const doc = await call<{ size: number; fileName: string }>(invoke, 'manuals:issue', { installationId: job.id, paper: 'A4', language: 'zh-CN' });
      return { ms: performance.now() - started, size: doc.size, file: join(dir, 'documents', doc.fileName) };
    };
    await issue(); // the first: this manual's words and glyphs laid out once
    const runs = [await issue(), await issue(), await issue()].sort((a, b) => a.ms - b.ms);
    const median = runs[1]!;
    const { execFileSync } = await import('node:child_process');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [median.file], { encoding: 'utf8' }))?.[1] ?? NaN);
    return [
      `maintenance manual, ${pages} pages A4 of CJK text, ${3 * 101} table rows, two pictures: ${(median.ms / 1000).toFixed(2)} s median of 3 warm issues (target ≤ 1 s), ${(median.size / 1024).toFixed(0)} KiB, ${(median.size / 1024 / pages).toFixed(1)} KiB per page (target ≤ 120 KB)`,
    ];
  } finally {
    await backend.close();
    // BENCH_MANUAL_KEEP=1 keeps the desk to look into (its folder is printed).
    if (process.env.BENCH_MANUAL_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench-manual.ts')) {
  void benchManual(documentWorker()).then((lines) => lines.forEach((l) => console.log(l)));
}
