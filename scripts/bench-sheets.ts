// The spreadsheets' half of `npm run bench` (issue 24): the largest sheet one import takes
// (BENCH_SHEET_ROWS, default 50,000 rows) read as a GBK CSV, as an .xls and as an .ods, each
// from its bytes to the rows the preview checks, with the heap it took.
import { performance } from 'node:perf_hooks';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { readLegacyWorkbook, readText } from '../electron/backend/domains/excel/formats';
import { sheetFromGrid } from '../electron/backend/domains/excel/read';

export async function benchSheets(rows: number): Promise<string[]> {
  const lines = [['客户名称', '联系电话', '地址', '品牌', '型号', '机身编号', '购买日期']];
  for (let i = 0; i < rows; i++) lines.push([`客户${i}`, `139${String(i).padStart(8, '0')}`, `杭州市西湖区文三路${i}号`, '格力', 'KFR-35GW', `GL${String(i).padStart(8, '0')}`, '2025-03-01']);
  const book = XLSX.utils.book_new(XLSX.utils.aoa_to_sheet(lines), 'Sheet1');
  const files = {
    'GBK CSV': iconv.encode(lines.map((l) => l.join(',')).join('\r\n'), 'gb18030'),
    '.xls': XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer,
    '.ods': XLSX.write(book, { type: 'buffer', bookType: 'ods', compression: true }) as Buffer,
  };
  const out: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const sheets = name === 'GBK CSV' ? [sheetFromGrid((await readText(data, 'bench', null)).grid)] : (await readLegacyWorkbook(data)).map(sheetFromGrid);
    const ms = performance.now() - t0;
    const grown = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
    out.push(`import read, ${name} of ${sheets[0]!.rows.length.toLocaleString()} rows (${(data.length / 2 ** 20).toFixed(1)} MB): ${ms.toFixed(0)} ms, heap change ${grown.toFixed(0)} MiB`);
  }
  return out;
}
