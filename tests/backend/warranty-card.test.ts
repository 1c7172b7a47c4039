import { withPrintDefaults } from '../../electron/backend/domains/admin/printing';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_RULES } from '../../electron/backend/domains/admin/settings';
import { cjkFonts, missingGlyphs } from '../../electron/backend/documents/kit/fonts';
import type { TDocumentDefinitions } from '../../electron/backend/documents/kit/definition';
import { documentText, renderPdf } from '../../electron/backend/documents/kit/render';
import {
  renderWarrantyCard,
  warrantyCardDefinition,
  warrantyCardPages,
  type WarrantyCardData,
} from '../../electron/backend/documents/warranty-card/warranty-card';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import {
  DEFAULT_WARRANTY_RULES,
  evaluateWarranty,
  type Exclusion,
  type RepairRecord,
  type StartBasis,
} from '../../shared/domain/warranty-engine';
import { formatDate } from '../../shared/format';
import { resources, translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';
import type { Unit } from '../../shared/schemas/unit';
import { pngDataUrl } from '../support/png';

const SERIAL = 'KFR-35GW/A1-2026000123';
const NUMBER = 'BXK-2026-000123';

/** The split air conditioner policy of the seeds: whole unit 1 year, accessories 6 months, compressor 3 years. */
const AIRCON = [
  { key: 'whole', name: '整机', months: 12 },
  { key: 'accessories', name: '配件（遥控器、线缆）', months: 6 },
  { key: 'compressor', name: '压缩机', months: 36 },
];

interface UnitFacts {
  purchaseDate?: string | null;
  installDate?: string | null;
  acceptanceDate?: string | null;
  productionDate?: string | null;
  invoiceNumber?: string | null;
  basis?: StartBasis;
  components?: { key: string; name: string; months: number }[];
  exclusions?: Exclusion[];
  repairs?: RepairRecord[];
  on?: string;
}

/** How long the text fields are: as usual, long but ordinary, or every one at its maximum length. */
type Size = 'usual' | 'long' | 'max';
const fill = (size: Size, usual: string, start: string, long: number, max: number) =>
  size === 'usual' ? usual : start.padEnd(size === 'long' ? long : max, '某');

/** A unit as the units service returns it, with the engine's real evaluation. */
function unitWith(facts: UnitFacts = {}, size: Size = 'usual'): Unit {
  const dates = {
    purchaseDate: facts.purchaseDate === undefined ? '2026-03-02' : facts.purchaseDate,
    installDate: facts.installDate === undefined ? '2026-03-04' : facts.installDate,
    acceptanceDate: facts.acceptanceDate === undefined ? '2026-03-05' : facts.acceptanceDate,
    productionDate: facts.productionDate ?? null,
  };
  const invoiceNumber = facts.invoiceNumber === undefined ? 'No 33012345' : facts.invoiceNumber;
  const basis = facts.basis ?? 'acceptance';
  const components = facts.components ?? AIRCON;
  const warranty = evaluateWarranty(
    {
      unit: { ...dates, hasInvoice: !!invoiceNumber },
      policy: { basis, components },
      repairs: facts.repairs ?? [],
      exclusions: facts.exclusions ?? [],
      rules: DEFAULT_WARRANTY_RULES,
      calendar: CN_MAINLAND,
    },
    facts.on ?? '2026-03-06',
  );
  return {
    id: 12,
    customerId: 7,
    customerName: '',
    modelId: 3,
    brand: fill(size, '格力', '格力电器', 20, 50),
    model: fill(size, 'KFR-35GW/A1', 'KFR-35GW/(35592)FNhAa-B1 变频冷暖挂机', 40, 80),
    category: fill(size, '空调', '家用空调', 12, 40),
    serial: size === 'usual' ? SERIAL : `${SERIAL}-${'X'.repeat(size === 'long' ? 17 : 57)}`,
    ...dates,
    invoiceNumber: size === 'max' ? 'N'.repeat(40) : invoiceNumber,
    siteAddress: fill(size, '杭州市余杭区五常街道荆长路 99 号 3 幢 2 单元 501 室', '浙江省杭州市余杭区', 80, 200),
    locationNote: null,
    status: 'inService',
    policy: { id: 5, policyId: 2, name: '家用空调标准保修', version: 1, basis, components, createdAt: 0 },
    warranty,
    createdAt: 0,
    updatedAt: 0,
  };
}

function sample(overrides: { customerName?: string; size?: Size; unit?: UnitFacts; logo?: string } = {}): WarrantyCardData {
  const size = overrides.size ?? 'usual';
  const name = overrides.customerName ?? fill(size, '张喆', '杭州市余杭区', 30, 100);
  const address = fill(size, '浙江省杭州市余杭区五常街道荆长路 99 号 3 幢 2 单元 501 室', '浙江省杭州市余杭区', 80, 200);
  return {
    number: NUMBER,
    issuedOn: '2026-03-06',
    settings: {
      companyName: fill(size, '杭州惠民制冷设备有限公司', '杭州市西湖区', 40, 100),
      hotline: '4008123456',
      complaintLine: '057188886666',
      address: fill(size, '浙江省杭州市西湖区文三路 478 号', '浙江省杭州市西湖区文三路', 80, 200),
      logo: overrides.logo ?? null,
      language: 'zh-CN',
      warrantyRules: DEFAULT_WARRANTY_RULES,
      service: DEFAULT_SERVICE_RULES,
      setupDone: true,
      printing: withPrintDefaults(undefined),
    },
    customer: {
      id: 7,
      kind: 'person',
      name,
      region: 'urban',
      phone: '13812345678',
      address,
      phones: [{ phone: '13812345678', label: null }],
      addresses: [{ address, isDefault: true }],
      contacts: [],
      tags: [],
      note: null,
      archived: false,
      archivedAt: null,
      mergedIntoId: null,
      unitCount: 1,
      createdAt: 0,
      updatedAt: 0,
    },
    unit: { ...unitWith(overrides.unit, size), customerName: name },
  };
}

/** A real PNG (8-bit RGB, no interlace) of `width` × `height` in two colours, as a data URL. */
const hasZbar = existsSync('/usr/bin/zbarimg');
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** pdftotext -layout may drop or add spaces between characters: compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** The text of a page in drawing order (-raw): side-by-side columns do not interleave. */
const pageText = (file: string, page: number) => run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-']);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warranty-card-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Renders and writes the PDF (also to $KEEP_PDF, to look at). */
async function renderTo(name: string, data: WarrantyCardData, lang: Language, paper: Paper) {
  const result = await renderWarrantyCard(data, lang, paper);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.pdf);
  if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, `${name}.pdf`), result.pdf);
  return { ...result, file };
}

describe('the warranty card PDF, read back with poppler', () => {
  const cases: [Language, Paper, { width: number; height: number }][] = [
    ['zh-CN', 'A4', { width: 595, height: 842 }],
    ['zh-CN', 'A5', { width: 420, height: 595 }],
    ['en', 'A4', { width: 595, height: 842 }],
    ['en', 'A5', { width: 420, height: 595 }],
  ];

  describe.each(cases)('%s on %s', (lang, paper, size) => {
    const data = sample({ logo: pngDataUrl(48, 16) });
    const t = translator(lang);
    const pages = paper === 'A4' ? 1 : 2;
    let file: string;
    let text: string;
    let missing: string[];
    beforeAll(async () => {
      const result = await renderTo(`card-${lang}-${paper}`, data, lang, paper);
      expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      file = result.file;
      missing = result.missingGlyphs;
      text = run('pdftotext', ['-raw', file, '-']);
      expect(result.pages).toBe(pages);
    });

    it('has the planned pages (A4: card and slip on one; A5: the slip alone on page 2), all the right size', () => {
      expect(warrantyCardPages(paper)).toBe(pages);
      const info = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
      expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
      expect(sizes).toHaveLength(pages);
      for (const m of sizes) {
        expect(Math.abs(Number(m[1]) - size.width)).toBeLessThanOrEqual(1);
        expect(Math.abs(Number(m[2]) - size.height)).toBeLessThanOrEqual(1);
      }
    });

    it('carries the title, company, card number, serial and customer as text', () => {
      expect(text).toContain(lang === 'zh-CN' ? '保修卡' : 'Warranty Card');
      expect(text).toContain(data.settings.companyName);
      expect(text).toContain(SERIAL);
      expect(text).toContain('张喆');
      expect(text).toContain(NUMBER);
      expect(squeeze(text)).toContain(squeeze(t('print.common.page', { page: pages, pages })));
      expect(missing).toEqual([]);
    });

    it("prints the start basis and each component's name, term and last covered day", () => {
      const w = data.unit.warranty;
      expect(w.start).toMatchObject({ basis: 'acceptance', date: '2026-03-05' });
      // 2026-09-05 is a Saturday: the working calendar (the default rule) moves it to Monday.
      expect(w.components.map((c) => c.end)).toEqual(['2027-03-05', '2026-09-07', '2029-03-05']);
      expect(text).toContain(t('warrantyBasis.acceptance'));
      // The basis and the start day once: the engine's "counted from acceptance (date)" would say it again.
      expect(squeeze(text)).toContain(squeeze(`${t('print.warrantyCard.start.date')}`));
      expect(squeeze(text)).not.toContain(squeeze(t('warranty.start.fromAcceptance', { date: formatDate('2026-03-05', lang) })));
      for (const c of w.components) {
        expect(squeeze(text)).toContain(squeeze(c.name));
        expect(text).toContain(formatDate(c.end, lang));
        expect(text).toContain(t('months', { count: c.months }));
      }
      expect(text).toContain(t('exclusionReason.forceMajeure'));
      expect(text).toContain(t('print.warrantyCard.notCovered.expired'));
      expect(squeeze(text)).toContain(squeeze(t('print.warrantyCard.terms.parts', { free: t('months', { count: 12 }), paid: t('months', { count: 3 }) })));
    });

    it('has the return slip: below a cut line on A4, alone on page 2 on A5', () => {
      const slipIntro = squeeze(t('print.returnSlip.intro'));
      const cardTable = squeeze(t('print.warrantyCard.coverage.end'));
      const page1 = squeeze(pageText(file, 1));
      expect(page1).toContain(cardTable);
      if (paper === 'A4') {
        expect(page1).toContain(squeeze(t('print.returnSlip.title')));
        expect(page1).toContain(squeeze(t('print.returnSlip.cutHere')));
        expect(page1.indexOf(slipIntro)).toBeGreaterThan(page1.indexOf(cardTable));
      } else {
        expect(page1).not.toContain(slipIntro);
        const page2 = squeeze(pageText(file, 2));
        expect(page2).toContain(squeeze(t('print.returnSlip.title')));
        expect(page2).not.toContain(cardTable);
        for (const value of [NUMBER, SERIAL, '张喆', 'KFR-35GW/A1']) expect(page2).toContain(value);
      }
      const slip = paper === 'A4' ? page1.slice(page1.indexOf(slipIntro)) : squeeze(pageText(file, 2));
      for (const key of ['cardNumber', 'phone', 'address', 'serial', 'purchaseDate', 'dealer', 'signature']) {
        expect(slip, key).toContain(squeeze(t(`print.returnSlip.${key}`)));
      }
      expect(slip).toContain(squeeze(t('print.returnSlip.postTo', { company: data.settings.companyName, address: data.settings.address })));
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

    it('prints the logo: one picture, on page 1 (the QR code is drawn, not a picture)', () => {
      const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
      expect(images).toHaveLength(1);
      // page num type width height color comp bpc ...
      expect(images[0]!.trim().split(/\s+/).slice(0, 5)).toEqual(['1', '0', 'image', '48', '16']);
    });

    it('carries the metadata', () => {
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(new RegExp(`^Title:\\s+${t('print.warrantyCard.title')} ${NUMBER}$`, 'm'));
      expect(info).toMatch(new RegExp(`^Creator:\\s+${t('appName')}$`, 'm'));
      expect(info).toMatch(/^Producer:\s+pdfmake$/m);
    });

    it.runIf(hasZbar)('has a QR code holding exactly the serial number', () => {
      const prefix = join(dir, `page-${lang}-${paper}`);
      run('pdftoppm', ['-r', '150', '-png', file, prefix]);
      const pngs = readdirSync(dir).filter((f) => f.startsWith(`page-${lang}-${paper}`) && f.endsWith('.png'));
      expect(pngs).toHaveLength(pages);
      const decoded = pngs.flatMap((png) => {
        try {
          return run('zbarimg', ['-q', '--raw', join(dir, png)]).split('\n').filter(Boolean);
        } catch {
          return []; // zbarimg exits 4 on a page without a code
        }
      });
      expect(decoded).toEqual([SERIAL]);
    });
  });

  it('prints exclusions in force, once each, and the excluded state', async () => {
    const exclusions: Exclusion[] = [
      { reason: 'forceMajeure', decidedOn: '2026-07-20', componentKey: null, note: '雷击' },
      { reason: 'physicalDamage', decidedOn: '2026-08-02', componentKey: 'accessories', note: null },
    ];
    const data = sample({ unit: { exclusions, on: '2026-09-01' } });
    expect(data.unit.warranty.excluded).not.toBeNull();
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang);
      const { file, pages } = await renderTo(`excluded-${lang}`, data, lang, 'A4');
      expect(pages).toBe(1);
      const text = squeeze(run('pdftotext', ['-raw', file, '-']));
      expect(text).toContain(squeeze(t('print.warrantyCard.exclusions.heading')));
      const date = (d: string) => formatDate(d, lang);
      const unitLine = squeeze(t('warranty.exclusion.forceMajeure', { date: date('2026-07-20') }));
      expect(text.split(unitLine)).toHaveLength(2); // once, though every component carries it
      expect(text).toContain(squeeze(t('warranty.exclusion.scopeUnit')));
      expect(text).toContain(squeeze(t('warranty.exclusion.note', { note: '雷击' })));
      expect(text).toContain(squeeze(t('warranty.exclusion.physicalDamage', { date: date('2026-08-02') })));
      expect(text).toContain(squeeze(t('warranty.exclusion.scopeComponent', { name: '配件（遥控器、线缆）' })));
      expect(text.split(squeeze(t('warrantyState.excluded'))).length - 1).toBeGreaterThanOrEqual(3);
    }
  });

  it('explains a start from the production date (no invoice), a downtime extension and a holiday roll-over', async () => {
    const repairs: RepairRecord[] = [
      { id: 1, reportedOn: '2026-05-10', completedOn: '2026-05-20', faultKey: 'cool', componentKey: null, inWarranty: true, unfixedDowntime: true, partsFitted: [] },
    ];
    // No invoice: counted from production, 2026-04-01. A 6-month term ends 2026-10-01, National
    // Day, so it runs to 2026-10-08; a downtime failure adds 60 days to the whole unit's 2027-04-01.
    const unit: UnitFacts = {
      basis: 'purchase',
      purchaseDate: '2026-04-20',
      installDate: null,
      acceptanceDate: null,
      productionDate: '2026-04-01',
      invoiceNumber: null,
      components: [
        { key: 'whole', name: '整机', months: 12 },
        { key: 'remote', name: '遥控器', months: 6 },
      ],
      repairs: [],
      on: '2026-06-01',
    };
    const holiday = sample({ unit });
    const extended = sample({ unit: { ...unit, components: AIRCON, repairs } });
    const [remote] = holiday.unit.warranty.components.slice(1);
    expect(remote).toMatchObject({ end: '2026-10-08' });
    expect(extended.unit.warranty.components[0]!.reasons.map((r) => r.key)).toContain('warranty.component.extended');
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang);
      const date = (d: string) => formatDate(d, lang);
      const a = squeeze(documentText(warrantyCardDefinition(holiday, lang, 'A5')));
      expect(a).toContain(squeeze(t('warrantyBasis.production')));
      expect(a).toContain(squeeze(t('warranty.start.noInvoice', { date: date('2026-04-01') })));
      expect(a).toContain(squeeze(t('print.warrantyCard.unit.productionDate')));
      const rolled = t('warranty.term.holiday', { date: date('2026-10-01'), holiday: lang === 'en' ? 'National Day' : '国庆节', end: date('2026-10-08') });
      expect(a).toContain(squeeze(t('print.warrantyCard.coverage.componentNote', { name: '遥控器', note: rolled })));
      const b = squeeze(documentText(warrantyCardDefinition(extended, lang, 'A4')));
      expect(b).toContain(squeeze(t('warranty.component.extended', { count: 1, days: 60, end: date('2027-05-31') })));
      // The holiday-calendar caveat is for the desk, not the customer.
      expect(b).not.toContain(squeeze(t('warranty.term.holidayYearMissing', { year: 2029 })));
      const { pages } = await renderTo(`production-${lang}`, holiday, lang, 'A5');
      expect(pages).toBe(2);
    }
  });

  const decodeQr = (file: string, name: string) => {
    run('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', file, join(dir, name)]);
    const png = readdirSync(dir).find((f) => f.startsWith(name) && f.endsWith('.png'))!;
    return run('zbarimg', ['-q', '--raw', join(dir, png)]).split('\n').filter(Boolean);
  };

  it('keeps long but ordinary data (and six components) on the planned pages', async () => {
    const components = Array.from({ length: 6 }, (_, i) => ({ key: `c${i}`, name: `部件${i + 1}`.padEnd(12, '某'), months: 12 + 6 * i }));
    for (const paper of ['A4', 'A5'] as const) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const data = sample({ size: 'long', unit: { components }, logo: pngDataUrl(300, 100) });
        const { file, pages } = await renderTo(`long-${lang}-${paper}`, data, lang, paper);
        expect(pages).toBe(warrantyCardPages(paper));
        expect(run('pdfinfo', [file])).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
        if (hasZbar) expect(decodeQr(file, `qr-long-${lang}-${paper}`)).toEqual([data.unit.serial]);
      }
    }
  });

  it('never splits the return slip, even with every field at its maximum length and 12 components', async () => {
    const components = Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, name: `部件${i + 1}`.padEnd(30, '某'), months: 12 + i }));
    for (const paper of ['A4', 'A5'] as const) {
      const t = translator('zh-CN');
      const data = sample({ size: 'max', unit: { components }, logo: pngDataUrl(300, 100) });
      const { file, pages } = await renderTo(`max-${paper}`, data, 'zh-CN', paper);
      expect(run('pdfinfo', [file])).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
      // Too long for the planned pages: the slip moves whole to a page of its own, the last one.
      expect(pages).toBeGreaterThan(warrantyCardPages(paper));
      const last = squeeze(pageText(file, pages));
      for (const key of ['title', 'cardNumber', 'serial', 'signature']) expect(last, key).toContain(squeeze(t(`print.returnSlip.${key}`)));
      for (let page = 1; page < pages; page++) expect(squeeze(pageText(file, page))).not.toContain(squeeze(t('print.returnSlip.intro')));
      expect(last).toContain(data.unit.serial);
      if (hasZbar) expect(decodeQr(file, `qr-max-${paper}`)).toEqual([data.unit.serial]);
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

  it('draws a picture given as a data URL', async () => {
    const pdf = await renderPdf(withImage({ images: { logo: pngDataUrl(4, 4) } }), meta);
    const file = join(dir, 'data-url.pdf');
    writeFileSync(file, pdf);
    expect(run('pdfimages', ['-list', file]).trim().split('\n').slice(2)).toHaveLength(1);
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
    const data = deepFreeze(sample({ logo: pngDataUrl(8, 8) }));
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const paper of ['A4', 'A5'] as const) {
        const a = warrantyCardDefinition(data, lang, paper);
        const b = warrantyCardDefinition(data, lang, paper);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(JSON.stringify(a.footer!(1, 2, { width: 1, height: 1 }))).toBe(
          JSON.stringify(b.footer!(1, 2, { width: 1, height: 1 })),
        );
      }
    }
    expect(data).toEqual(sample({ logo: pngDataUrl(8, 8) }));
  });

  it('prints no Chinese in English except the data', () => {
    const data = sample({ unit: { exclusions: [{ reason: 'misuse', decidedOn: '2026-03-06', componentKey: 'compressor', note: null }] } });
    let text = documentText(warrantyCardDefinition(data, 'en', 'A4'));
    const values = [
      data.settings.companyName,
      data.settings.address!,
      data.customer.name,
      data.customer.address!,
      data.unit.brand,
      data.unit.category,
      data.unit.siteAddress!,
      ...AIRCON.map((c) => c.name),
    ];
    for (const v of values) text = text.split(v).join('');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(text).toContain('Warranty Card');
    expect(text).toContain('Warranty Return Slip');
  });

  it('prints no English catalog words in Chinese', () => {
    const text = documentText(warrantyCardDefinition(sample(), 'zh-CN', 'A4'));
    const enPrint = leaves((resources.en.translation as unknown as Tree).print as Tree);
    const zhPrint = new Set(leaves((resources['zh-CN'].translation as unknown as Tree).print as Tree));
    const english = enPrint.filter((s) => !zhPrint.has(s) && /[A-Za-z]{3}/.test(s) && !s.includes('{{'));
    expect(english.length).toBeGreaterThan(20);
    for (const word of english) expect(text, word).not.toContain(word);
    expect(text).toContain('保修卡');
    expect(text).toContain('保修回执卡');
  });

  it('prints the policy\'s English component names on an English card, and the Chinese ones on a Chinese card', () => {
    const components = [
      { key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 },
      { key: 'compressor', name: '压缩机', nameEn: 'Compressor', months: 36 },
      // Saved before English names: the English card falls back to the name it has.
      { key: 'remote', name: '遥控器', months: 6 },
    ];
    const data = sample({ unit: { components } });
    const en = documentText(warrantyCardDefinition(data, 'en', 'A4'));
    expect(en).toContain('Whole unit');
    expect(en).toContain('Compressor');
    expect(en).not.toContain('压缩机');
    expect(en).toContain('遥控器');
    const zh = documentText(warrantyCardDefinition(data, 'zh-CN', 'A4'));
    expect(zh).toContain('压缩机');
    expect(zh).not.toContain('Compressor');
  });

  it('shows "none" for missing dates, and starts a purchase-basis warranty at the invoice date', () => {
    const data = sample({ unit: { basis: 'purchase', installDate: null, acceptanceDate: null } });
    const text = documentText(warrantyCardDefinition(data, 'zh-CN', 'A5'));
    const t = translator('zh-CN');
    expect(text).toContain(t('warrantyBasis.purchase'));
    expect(text).not.toContain(t('warranty.start.fromPurchase', { date: '2026-03-02' }));
    expect(text).toContain('2026-03-02');
    expect(text).toContain('2027-03-02');
    expect(text).toContain(t('print.common.none'));
  });

  it('leaves out the complaint line, address and logo when they are not set; the slip then says to hand it in', () => {
    const data = sample();
    data.settings = { ...data.settings, complaintLine: null, address: null };
    const definition = warrantyCardDefinition(data, 'en', 'A4');
    const text = documentText(definition);
    expect(text).not.toContain('Complaint line');
    expect(text).not.toContain('complaint line');
    expect(text).toContain('Service hotline');
    expect(text).toContain(translator('en')('print.returnSlip.handTo', { company: data.settings.companyName }));
    expect(JSON.stringify(definition)).not.toContain('"image"');
  });
});

describe('the document sources', () => {
  it('hold no Chinese text: every printed word comes from the catalog', () => {
    const src = fileURLToPath(new URL('../../electron/backend/documents', import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.map((f) => f.split(/[\\/]/).at(-1))).toEqual(expect.arrayContaining(['warranty-card.ts', 'return-slip.ts', 'layout.ts', 'forms.ts']));
    for (const f of files) {
      const code = readFileSync(join(src, f), 'utf8')
        // comments may quote Chinese (e.g. the characters checked for font coverage)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
