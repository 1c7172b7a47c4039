import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPdf, smallestType } from '../support/pdf-read';
import { openReportMonth, type ReportMonth } from '../support/report-month';

/*
 * The monthly pack and the workbook (issue 17, point 3) of the hand-counted October: archived
 * like every paper, both languages, the charts drawn as vectors, one sheet per report.
 */

let m: ReportMonth;
beforeEach(async () => {
  m = await openReportMonth();
});
afterEach(async () => {
  await m.backend.close();
});

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const pdfOf = async (id: number) => Buffer.from((await m.backend.ok('documents:content', { id })).base64, 'base64');
/** Where the packs are left for pdf-check and a look at their pages (REPORT_PACK_OUT). */
const OUT = process.env.REPORT_PACK_OUT;

describe('the monthly pack', () => {
  it('prints the month in Chinese with its figures, warnings and parts, archived under its number', async () => {
    const doc = await m.backend.ok('documents:reportPack', { ...OCTOBER, language: 'zh-CN' });
    expect(doc).toMatchObject({ kind: 'reportPack', paper: 'A4', language: 'zh-CN' });
    expect(doc.number).toMatch(/^YBG-2026-/);
    const pdf = await pdfOf(doc.id);
    const pages = await readPdf(pdf);
    const text = pages.map((p) => p.text).join('');
    for (const expected of ['月度服务报告', '2026-10-01至2026-10-31', '报修单数', '格力KFR-35GW：每百台故障30.00，达到预警线10.00', 'SN-A1：同一故障「不制冷/不制热」修好后16天又报修', 'PN-001', '压缩机', 'GD-2026-K7', '维修记录']) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    expect(smallestType(pages).size).toBeGreaterThanOrEqual(8);
    // Vector charts: no image anywhere in the file.
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'pack-zh.pdf'), pdf);
    }
  });

  it('prints in English, and for one contract customer only their units', async () => {
    const doc = await m.backend.ok('documents:reportPack', { ...OCTOBER, customerId: m.ids.cust1, language: 'en' });
    expect(doc).toMatchObject({ recordType: 'customer', recordId: m.ids.cust1 });
    const pdf = await pdfOf(doc.id);
    const text = (await readPdf(pdf)).map((p) => p.text).join('');
    expect(text).toContain('Servicereportfor西湖中学');
    expect(text).toContain('GD-2026-K1');
    // Only the customer's tickets: 张三's k4 is not in it.
    expect(text).not.toContain('GD-2026-K4');
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'pack-en-customer.pdf'), pdf);
    }
    const whole = await m.backend.ok('documents:reportPack', { ...OCTOBER, language: 'en' });
    if (OUT) writeFileSync(join(OUT, 'pack-en.pdf'), await pdfOf(whole.id));
  });

  it('refuses a bad period before it takes a number', async () => {
    expect((await m.backend.fails('documents:reportPack', { from: '2026-12-01', to: '2026-12-31', language: 'zh-CN' })).details.message).toMatchObject({ key: 'reports.errors.future' });
    expect((await m.backend.ok('documents:list', {})).filter((d: { kind: string }) => d.kind === 'reportPack')).toEqual([]);
  });
});

describe('the workbook', () => {
  it('saves one sheet per report with the same figures', async () => {
    const target = join(m.backend.dir, 'october.xlsx');
    m.backend.platform.saveAnswer = target;
    const saved = await m.backend.ok('reports:export', { ...OCTOBER, language: 'zh-CN' });
    expect(saved).toEqual({ savedTo: target, sheets: 14 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '维修统计', '维修记录', '服务时效', '超时工单', '回访', '投诉', '更换备件', '库存变动', '备用机', '费用', '维保', '故障分析', '预警']);
    const summary = book.getWorksheet('概要')!;
    expect(summary.getRow(3).values).toEqual([undefined, '报修单数', 8]);
    // Money as yuan numbers: 50.00 + 20.00 of parts.
    expect(book.getWorksheet('概要')!.getRow(8).values).toEqual([undefined, '备件成本', 70]);
    const parts = book.getWorksheet('更换备件')!;
    expect(parts.getRow(3).values).toEqual([undefined, 'PN-001', '压缩机', 1, 1, 50, 0]);
    expect(book.getWorksheet('维修记录')!.rowCount).toBe(2 + 8);
    // Components by the policy's name (AIRCON_POLICY: compressor → 压缩机), the rest as other parts.
    const failures = book.getWorksheet('故障分析')!;
    const names = failures.getColumn(1).values.map((v) => String(v ?? '').trim());
    expect(names).toContain('压缩机');
    expect(names).toContain('其他部件');
    expect(names).not.toContain('compressor');
    m.backend.platform.saveAnswer = null;
    expect(await m.backend.ok('reports:export', { ...OCTOBER, language: 'en' })).toEqual({ savedTo: null, sheets: 0 });
  });
});
