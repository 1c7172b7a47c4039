// `npx tsx scripts/demo-reports.mts [folder]` (default: desk-demo-reports in the temp folder): the
// owner's month (issue 17) on the desk's sample data (a week of tickets with parts, charges and
// callbacks), then November 2026's monthly pack in both languages, one customer's pack, and the
// reports' workbook, with no Electron. Copies land in <folder>/pdf/ and <folder>/xlsx/.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../shared/i18n/languages';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('reports', ['pdf', 'xlsx']);

// A fixed desk clock (the last evening of November 2026): the sample week falls in November.
const desk = await openDemoDesk(folder, new Date(2026, 10, 30, 18, 0));
const { backend, logger, platform, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', DEMO_COMPANY);
await call('sample:load', { language: 'zh-CN' });

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const bundle = await call('reports:bundle', NOVEMBER);
console.log(`November 2026: ${bundle.repairs.total} tickets, ${bundle.parts.quantity} parts replaced, ${bundle.satisfaction.callbacks} callbacks, ${bundle.warnings.length} warnings`);
const written: string[] = [];
for (const language of LANGUAGES) {
  const doc = await call('documents:reportPack', { ...NOVEMBER, language });
  const copy = join(folder, 'pdf', `monthly-pack-2026-11-${language}.pdf`);
  copyFileSync(join(folder, 'documents', doc.fileName), copy);
  written.push(`${doc.number}  ${copy}`);
  platform.saveAnswer = join(folder, 'xlsx', `reports-2026-11-${language}.xlsx`);
  const saved = await call('reports:export', { ...NOVEMBER, language });
  written.push(`${saved.sheets} sheets  ${saved.savedTo}`);
}
// One customer's pack: the one with the most tickets in the month.
const top = await backend.store.db
  .selectFrom('tickets')
  .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('customer_id')
  .orderBy('n', 'desc')
  .executeTakeFirst();
if (top) {
  const doc = await call('documents:reportPack', { ...NOVEMBER, customerId: top.customer_id, language: 'zh-CN' });
  const copy = join(folder, 'pdf', 'customer-pack-2026-11-zh-CN.pdf');
  copyFileSync(join(folder, 'documents', doc.fileName), copy);
  written.push(`${doc.number}  ${copy}`);
}
await backend.close();
for (const line of written) console.log(`  ${line}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
