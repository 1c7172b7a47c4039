import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFonts, missingGlyphs } from '../../electron/backend/documents/fonts';
import { documentText, renderPdf, type TDocumentDefinitions } from '../../electron/backend/documents/pdf';
import {
  renderWarrantyCard,
  warrantyCardDefinition,
  type WarrantyCardData,
} from '../../electron/backend/documents/warranty-card';
import { warrantyTerm } from '../../shared/domain/warranty';
import { formatDate } from '../../shared/format';
import { resources, translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';

const SERIAL = 'KFR-35GW/A1-2026000123';

function sample(overrides: { customerName?: string; long?: boolean } = {}): WarrantyCardData {
  const long = overrides.long ?? false;
  const terms = { purchaseDate: '2026-03-02', acceptanceDate: '2026-08-31', warrantyMonths: 6 };
  const name = overrides.customerName ?? '张喆';
  return {
    number: 'WC-2026-000123',
    issuedOn: '2026-09-01',
    settings: {
      companyName: long ? '杭州市西湖区'.padEnd(84, '某') + '制冷设备安装维修服务有限责任公司' : '杭州惠民制冷设备有限公司',
      hotline: '4008123456',
      complaintLine: '057188886666',
      address: long ? '浙江省杭州市西湖区文三路'.padEnd(199, '某') + '号' : '浙江省杭州市西湖区文三路 478 号',
      language: 'zh-CN',
    },
    customer: {
      id: 7,
      name,
      phone: '13812345678',
      address: long ? '浙江省杭州市余杭区'.padEnd(199, '某') + '室' : '浙江省杭州市余杭区五常街道荆长路 99 号 3 幢 2 单元 501 室',
      note: null,
      unitCount: 1,
      createdAt: 0,
      updatedAt: 0,
    },
    unit: {
      id: 12,
      customerId: 7,
      customerName: name,
      brand: long ? '格力电器'.padEnd(50, '某') : '格力',
      model: long ? 'KFR-35GW/(35592)FNhAa-B1 变频冷暖挂机'.padEnd(80, '某') : 'KFR-35GW/A1',
      serial: long ? `${SERIAL}-${'X'.repeat(57)}` : SERIAL,
      ...terms,
      // acceptance 2026-08-31 + 6 months: the last covered day is 2027-02-28 (DOMAIN.md).
      warranty: { ...warrantyTerm(terms), state: 'active' },
      createdAt: 0,
      updatedAt: 0,
    },
  };
}

const hasZbar = existsSync('/usr/bin/zbarimg');
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warranty-card-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the warranty card PDF, read back with poppler', () => {
  const cases: [Language, Paper, { width: number; height: number }][] = [
    ['zh-CN', 'A4', { width: 595, height: 842 }],
    ['zh-CN', 'A5', { width: 420, height: 595 }],
    ['en', 'A4', { width: 595, height: 842 }],
    ['en', 'A5', { width: 420, height: 595 }],
  ];

  describe.each(cases)('%s on %s', (lang, paper, size) => {
    const data = sample();
    let file: string;
    let missing: string[];
    beforeAll(async () => {
      const result = await renderWarrantyCard(data, lang, paper);
      expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      file = join(dir, `card-${lang}-${paper}.pdf`);
      writeFileSync(file, result.pdf);
      missing = result.missingGlyphs;
      expect(result.pages).toBe(1);
    });

    it('is exactly one page of the right size', () => {
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(/^Pages:\s+1$/m);
      const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
      expect(m).not.toBeNull();
      expect(Math.abs(Number(m![1]) - size.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(m![2]) - size.height)).toBeLessThanOrEqual(1);
    });

    it('carries the title, card number, serial, customer and last covered day as text', () => {
      const text = run('pdftotext', ['-layout', file, '-']);
      const t = translator(lang);
      expect(text).toContain(lang === 'zh-CN' ? '保修卡' : 'Warranty Card');
      expect(text).toContain(SERIAL);
      expect(text).toContain('张喆');
      expect(text).toContain(data.number);
      expect(data.unit.warranty.end).toBe('2027-02-28');
      expect(text).toContain(formatDate('2027-02-28', lang));
      expect(text).toContain(t('print.warrantyCard.notCovered.forceMajeure'));
      // pdftotext -layout may drop or add spaces between characters in the footer.
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      expect(squeeze(text)).toContain(squeeze(t('print.common.page', { page: 1, pages: 1 })));
      expect(missing).toEqual([]);
    });

    it('embeds every font, as a subset', () => {
      const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // name type encoding emb sub uni object ID: the flags are the 5th to 3rd fields from the end.
        const f = row.trim().split(/\s+/);
        expect(f.at(-5), row).toBe('yes');
        expect(f.at(-4), row).toBe('yes');
        expect(f[0], row).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
      }
    });

    it('carries the metadata', () => {
      const info = run('pdfinfo', [file]);
      const t = translator(lang);
      expect(info).toMatch(new RegExp(`^Title:\\s+${t('print.warrantyCard.title')} ${data.number}$`, 'm'));
      expect(info).toMatch(new RegExp(`^Creator:\\s+${t('appName')}$`, 'm'));
      expect(info).toMatch(/^Producer:\s+pdfmake$/m);
    });

    it.runIf(hasZbar)('has a QR code holding exactly the serial number', () => {
      const prefix = join(dir, `page-${lang}-${paper}`);
      run('pdftoppm', ['-r', '150', '-png', file, prefix]);
      const png = readdirSync(dir).find((f) => f.startsWith(`page-${lang}-${paper}`) && f.endsWith('.png'));
      expect(png).toBeDefined();
      const decoded = run('zbarimg', ['-q', '--raw', join(dir, png!)]);
      expect(decoded.split('\n').filter(Boolean)).toEqual([SERIAL]);
    });
  });

  it('keeps very long data (every field at its maximum length) on one page', async () => {
    for (const paper of ['A4', 'A5'] as const) {
      const result = await renderWarrantyCard(sample({ long: true }), 'zh-CN', paper);
      const file = join(dir, `long-${paper}.pdf`);
      if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, `long-${paper}.pdf`), result.pdf);
      writeFileSync(file, result.pdf);
      expect(run('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m);
      expect(result.pages).toBe(1);
    }
  });

  it('reports the characters the font cannot print instead of hiding them', async () => {
    // U+20000 (CJK Extension B) is not in Noto Sans CJK SC.
    const result = await renderWarrantyCard(sample({ customerName: '王𠀀' }), 'zh-CN', 'A5');
    expect(result.missingGlyphs).toEqual(['𠀀']);
  });
});

describe('renderPdf', () => {
  const meta = { title: 'T', creator: 'C', producer: 'P' };
  // Images are not part of the app's definition type; a definition from elsewhere might carry them.
  const withImage = (extra: object) => ({ content: [{ image: 'logo' }], ...extra }) as unknown as TDocumentDefinitions;

  it('fetches nothing from the network', async () => {
    await expect(renderPdf(withImage({ images: { logo: 'https://example.invalid/logo.png' } }), meta)).rejects.toThrow(
      /Access to URL denied/,
    );
  });

  it('reads no local file outside the font folder', async () => {
    const outside = join(dir, 'logo.png');
    writeFileSync(outside, 'not really a picture');
    await expect(renderPdf(withImage({ images: { logo: outside } }), meta)).rejects.toThrow(/Access to local file denied/);
  });

  it('leaves the definition it was given unchanged', async () => {
    const definition: TDocumentDefinitions = { content: [{ text: 'abc', bold: true }, { ul: ['x', 'y'] }] };
    const before = JSON.stringify(definition);
    const pdf = await renderPdf(definition, meta);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.stringify(definition)).toBe(before);
  });
});

describe('font coverage', () => {
  it('finds the font files of @embedpdf/fonts-sc, or the ones in a given folder', () => {
    const fonts = cjkFonts();
    expect(readFileSync(fonts.normal).subarray(0, 4).toString('latin1')).toBe('OTTO');
    expect(readFileSync(fonts.bold).subarray(0, 4).toString('latin1')).toBe('OTTO');
    expect(cjkFonts(fonts.dir)).toEqual(fonts);
    expect(() => cjkFonts(dir)).toThrow(/Font file not found/);
  });

  it('covers name characters outside GB2312', () => {
    expect(missingGlyphs('喆堃昇珺犇淼鑫彧玥琰䶮𬌗')).toEqual([]);
  });

  it('lists each missing character once, and ignores spaces and line breaks', () => {
    expect(missingGlyphs('王𠀀 𠀀\n李\t𠀁')).toEqual(['𠀀', '𠀁']);
  });
});

describe('warrantyCardDefinition', () => {
  type Tree = { [k: string]: string | Tree };
  const leaves = (tree: Tree): string[] =>
    Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  }

  it('is pure: the same data gives the same definition, and the data is left alone', () => {
    const data = deepFreeze(sample());
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const paper of ['A4', 'A5'] as const) {
        const a = warrantyCardDefinition(data, lang, paper);
        const b = warrantyCardDefinition(data, lang, paper);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(JSON.stringify(a.footer!(1, 1, { width: 1, height: 1 }))).toBe(
          JSON.stringify(b.footer!(1, 1, { width: 1, height: 1 })),
        );
      }
    }
    expect(data).toEqual(sample());
  });

  it('prints no Chinese in English except the data', () => {
    const data = sample();
    let text = documentText(warrantyCardDefinition(data, 'en', 'A4'));
    const values = [
      data.settings.companyName,
      data.settings.address!,
      data.customer.name,
      data.customer.address!,
      data.unit.brand,
    ];
    for (const v of values) text = text.split(v).join('');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(text).toContain('Warranty Card');
  });

  it('prints no English catalog words in Chinese', () => {
    const text = documentText(warrantyCardDefinition(sample(), 'zh-CN', 'A4'));
    const enPrint = leaves((resources.en.translation as unknown as Tree).print as Tree);
    const zhPrint = new Set(leaves((resources['zh-CN'].translation as unknown as Tree).print as Tree));
    const english = enPrint.filter((s) => !zhPrint.has(s) && /[A-Za-z]{3}/.test(s) && !s.includes('{{'));
    expect(english.length).toBeGreaterThan(20);
    for (const word of english) expect(text, word).not.toContain(word);
    expect(text).toContain('保修卡');
  });

  it('shows "none" for a unit without acceptance and starts the warranty at purchase', () => {
    const data = sample();
    const terms = { purchaseDate: '2026-03-02', acceptanceDate: null, warrantyMonths: 12 };
    data.unit = { ...data.unit, ...terms, warranty: { ...warrantyTerm(terms), state: 'active' } };
    const text = documentText(warrantyCardDefinition(data, 'zh-CN', 'A5'));
    const t = translator('zh-CN');
    expect(text).toContain(t('warrantyBasis.purchase'));
    expect(text).toContain('2027-03-02');
    expect(text).toContain(t('print.common.none'));
  });

  it('leaves the complaint line and company address out when they are not set', () => {
    const data = sample();
    data.settings = { ...data.settings, complaintLine: null, address: null };
    const text = documentText(warrantyCardDefinition(data, 'en', 'A4'));
    expect(text).not.toContain('Complaint line');
    expect(text).toContain('Service hotline');
  });
});

describe('the document sources', () => {
  it('hold no Chinese text: every printed word comes from the catalog', () => {
    const src = fileURLToPath(new URL('../../electron/backend/documents', import.meta.url));
    const files = readdirSync(src).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('warranty-card.ts');
    for (const f of files) {
      const code = readFileSync(join(src, f), 'utf8')
        // comments may quote Chinese (e.g. the characters checked for font coverage)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
