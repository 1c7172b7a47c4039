import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFonts, missingGlyphs } from '../../electron/backend/documents/kit/fonts';
import type { TDocumentDefinitions } from '../../electron/backend/documents/kit/definition';
import { documentText, renderPdf } from '../../electron/backend/documents/kit/render';
import { MIN_PT } from '../../electron/backend/documents/kit/layout';
import {
  renderWarrantyCard,
  warrantyCardDefinition,
  warrantyCardPages,
  type WarrantyCardData,
} from '../../electron/backend/documents/warranty-card/warranty-card';
import { BASIC_TERMS } from '../../shared/domain/sla';
import type { Exclusion, RepairRecord } from '../../shared/domain/warranty-engine';
import { formatDate } from '../../shared/format';
import { resources, translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';
import { pngDataUrl } from '../support/png';
import { typeSizes } from '../support/pdf-type';
import { AIRCON, cardSample as sample, EIGHT_COMPONENTS, NUMBER, SERIAL, type UnitFacts } from '../support/warranty-card-sample';

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

/**
 * What the seeds' card promises, as the sample company's settings and the standard service
 * level word it: the service promises, the 三包 and warranty rules, who answers for the
 * warranty and the return slip's deadline. Written out, not built from the catalog, so a
 * promise that goes missing or comes out wrong fails here.
 */
const PROMISES: Record<Language, string[]> = {
  'zh-CN': [
    '服务热线 400-812-3456，7×24 小时受理报修。',
    '接到报修后 30 分钟内响应。',
    '市区 2 小时、郊县 12 小时、其他地区 24 小时内到达现场。',
    '到达现场后，一般故障 4 小时内、重大故障 8 小时内修复。',
    '未能按时修复的，自报修起 48 小时内提供不低于原设备规格的备用机，直至原设备修复。',
    '保修期满后终身维护，更换配件按成本价收费。',
    '定期服务：每月电话回访一次；每季度上门巡检维护一次；每年全面保养一次。',
    '自购买之日起 7 日内出现性能故障的，可选择退货、换货或修理',
    '自购买之日起 15 日内出现性能故障的，可凭检测报告选择换货或修理。',
    '保修期内同一故障经 2 次修理仍不能正常使用的，免费更换同型号、同规格产品',
    '保修期内自报修之日起 60 日内未修复的，免费更换同型号、同规格产品。',
    '保修期内免费更换的零部件，自更换之日起另享 12 个月保修；付费更换的零部件保修 3 个月。',
    '保修期内因故障停机且未能及时修复的，每次保修期顺延 60 天。',
    '保修负责部门',
    '请于 2026-04-02 前寄回',
  ],
  en: [
    'Service hotline 400-812-3456: repairs taken 24 hours a day, 7 days a week.',
    'We answer your report within 30 min.',
    'On site within 2 h in town, 12 h in the suburbs, 24 h elsewhere.',
    'Fixed after arrival within 4 h (ordinary fault) or 8 h (major fault).',
    'Not fixed in time: a loaner of no lower specification within 48 h of your report, until your unit is back.',
    'After the warranty: lifetime maintenance, with parts at cost.',
    'Scheduled service: a callback every month; an on-site inspection every quarter; a full maintenance every year.',
    'A performance failure within 7 days of purchase: refund, exchange or repair',
    'A performance failure within 15 days of purchase: exchange or repair, as you choose, with a test report.',
    'The same fault under warranty still there after 2 repairs: free replacement with the same model',
    'Not repaired within 60 days of your report under warranty: free replacement with the same model.',
    'A part replaced free under warranty is covered a further 12 months from the day it is fitted; a part replaced in a paid repair, 3 months.',
    'Each failure under warranty that stops your work and cannot be fixed promptly extends the warranty by 60 days.',
    'Warranty department',
    'Please post back by 2 Apr 2026',
  ],
};

/** Every promise, rule, contact and deadline of the sample company is in `text`. */
function expectPromises(text: string, data: WarrantyCardData, lang: Language) {
  const flat = squeeze(text);
  for (const line of PROMISES[lang]) expect(flat, line).toContain(squeeze(line));
  const contact = data.settings.serviceContact;
  for (const value of [contact.department!, contact.person!, contact.phone!]) expect(flat, value).toContain(squeeze(value));
  // The slip goes back to the company's address unless the settings name another.
  expect(flat).toContain(squeeze(data.settings.returnSlip.address ?? data.settings.address!));
}

/** The seal's square, as the definition draws it (a dashed square): its side in millimetres. */
function sealSides(definition: TDocumentDefinitions): number[] {
  const sides: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const rect = node as { type?: string; w?: number; h?: number; dash?: unknown };
    if (rect.type === 'rect' && rect.dash && rect.w === rect.h) sides.push((rect.w! / 72) * 25.4);
    Object.values(node).forEach(walk);
  };
  walk(definition.content);
  return sides;
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
    const pages = paper === 'A4' ? 2 : 3;
    let file: string;
    let text: string;
    let missing: string[];
    let pdf: Buffer;
    beforeAll(async () => {
      const result = await renderTo(`card-${lang}-${paper}`, data, lang, paper);
      expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      file = result.file;
      pdf = result.pdf;
      missing = result.missingGlyphs;
      text = run('pdftotext', ['-raw', file, '-']);
      expect(result.pages).toBe(pages);
    });

    it('has the planned pages (A4: one sheet, both sides; A5: card, terms, slip), all the right size', () => {
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

    it('sets no text under 8 pt and none off the paper, read back from the PDF', async () => {
      const sizes = await typeSizes(pdf);
      expect(sizes.min).toBeGreaterThanOrEqual(MIN_PT);
      expect(sizes.offEdge).toEqual([]);
      expect(sizes.pages).toHaveLength(pages);
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

    it('prints every service promise, rule, contact and deadline the settings and the service level make', () => {
      expectPromises(text, data, lang);
    });

    it("prints the start basis once and each component's name, term and last covered day", () => {
      const w = data.unit.warranty;
      expect(w.start).toMatchObject({ basis: 'acceptance', date: '2026-03-05' });
      // 2026-09-05 is a Saturday: the working calendar (the default rule) moves it to Monday.
      expect(w.components.map((c) => c.end)).toEqual(['2027-03-05', '2026-09-07', '2029-03-05']);
      expect(text.split(t('warrantyBasis.acceptance'))).toHaveLength(2);
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
    });

    it('puts the card on page 1 and the terms on the next, each section with its heading', () => {
      const page1 = squeeze(pageText(file, 1));
      const page2 = squeeze(pageText(file, 2));
      expect(page1).toContain(squeeze(t('print.warrantyCard.coverage.end')));
      expect(page1).toContain(squeeze(t('print.warrantyCard.issuer')));
      for (const heading of ['promises', 'rules', 'claim', 'notCovered']) {
        expect(page1).not.toContain(squeeze(t(`print.warrantyCard.${heading}.heading`)));
        expect(page2).toContain(squeeze(t(`print.warrantyCard.${heading}.heading`)));
      }
      expect(page2).not.toContain(squeeze(t('print.warrantyCard.coverage.end')));
    });

    it('has the return slip: below a cut line across the foot of the sheet on A4, its mailing face behind it; alone on page 3 on A5', () => {
      const slipPage = paper === 'A4' ? 2 : 3;
      const slip = squeeze(pageText(file, slipPage));
      for (const key of ['title', 'cardNumber', 'phone', 'address', 'serial', 'purchaseDate', 'dealer', 'signature']) {
        expect(slip, key).toContain(squeeze(t(`print.returnSlip.${key}`)));
      }
      for (const value of [NUMBER, SERIAL, '张喆', 'KFR-35GW/A1']) expect(slip).toContain(value);
      const due = squeeze(t('print.returnSlip.dueDate', { date: formatDate('2026-04-02', lang) }));
      expect(slip).toContain(due);
      const recipient = `${data.settings.companyName} ${data.settings.serviceContact.department}${t('print.returnSlip.attn', { name: data.settings.serviceContact.person })}`;
      const page1 = squeeze(pageText(file, 1));
      if (paper === 'A4') {
        expect(slip).toContain(squeeze(t('print.returnSlip.cutHere')));
        // The front carries the slip's mailing face, where the slip is on the back.
        for (const line of [t('print.returnSlip.cutHereFace'), t('print.returnSlip.face.title'), recipient, data.settings.address!, t('print.returnSlip.face.stamp')]) {
          expect(page1, line).toContain(squeeze(line));
        }
        expect(page1).toContain(due);
        expect(page1).not.toContain(squeeze(t('print.returnSlip.dealer')));
      } else {
        expect(squeeze(pageText(file, 2))).not.toContain(squeeze(t('print.returnSlip.dealer')));
        expect(page1).not.toContain(squeeze(t('print.returnSlip.dealer')));
        expect(slip).toContain(squeeze(t('print.returnSlip.postTo', { recipient, address: data.settings.address })));
      }
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

    it.runIf(hasZbar)("has a QR code holding exactly the serial number, and the slip's holding the card number", () => {
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
      // The card's own code first, then the return slip's: scanned when the slip comes back.
      expect(decoded).toEqual([SERIAL, NUMBER]);
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
      expect(pages).toBe(2);
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
      // The moved last day is starred in the table, and the rule that moved it said once under it.
      expect(a).toContain(`${squeeze(date('2026-10-08'))}*`);
      expect(a).toContain(squeeze(`* ${t('warranty.rule.calendar')}`));
      const b = squeeze(documentText(warrantyCardDefinition(extended, lang, 'A4')));
      expect(b).toContain(squeeze(t('warranty.component.extended', { count: 1, days: 60, end: date('2027-05-31') })));
      // The holiday-calendar caveat is for the desk, not the customer.
      expect(b).not.toContain(squeeze(t('warranty.term.holidayYearMissing', { year: 2029 })));
      const { pages } = await renderTo(`production-${lang}`, holiday, lang, 'A5');
      expect(pages).toBe(3);
    }
  });

  const decodeQr = (file: string, name: string) => {
    run('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', file, join(dir, name)]);
    const png = readdirSync(dir).find((f) => f.startsWith(name) && f.endsWith('.png'))!;
    return run('zbarimg', ['-q', '--raw', join(dir, png)]).split('\n').filter(Boolean);
  };

  describe.each(['A4', 'A5'] as const)('long data (three times the usual length) and eight components on %s', (paper) => {
    it.each(['zh-CN', 'en'] as const)('in %s: stays on the planned pages, every promise printed, nothing under 8 pt, each section with its heading', async (lang) => {
      const t = translator(lang);
      const data = sample({ size: 'long', unit: { components: EIGHT_COMPONENTS }, logo: pngDataUrl(300, 100) });
      const { file, pages, pdf } = await renderTo(`long-${lang}-${paper}`, data, lang, paper);
      expect(pages).toBe(warrantyCardPages(paper));
      expect(run('pdfinfo', [file])).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
      const sizes = await typeSizes(pdf);
      expect(sizes.min).toBeGreaterThanOrEqual(MIN_PT);
      expect(sizes.offEdge).toEqual([]);
      const text = run('pdftotext', ['-raw', file, '-']);
      expectPromises(text, data, lang);
      // The card (page 1) has all eight components, named in the card's language.
      const page1 = squeeze(pageText(file, 1));
      for (const c of EIGHT_COMPONENTS) expect(page1).toContain(squeeze(lang === 'en' ? c.nameEn! : c.name));
      // A heading never ends a page: each one is on the page of its first line.
      const firstLines: [string, string][] = [
        [t('print.warrantyCard.coverage.heading'), t('print.warrantyCard.start.basis')],
        [t('print.warrantyCard.promises.heading'), PROMISES[lang][0]!],
        [t('print.warrantyCard.rules.heading'), PROMISES[lang][7]!],
        [t('print.warrantyCard.claim.heading'), t('print.warrantyCard.claim.keep')],
        [t('print.warrantyCard.notCovered.heading'), t('exclusionReason.misuse')],
      ];
      const texts = Array.from({ length: pages }, (_, i) => squeeze(pageText(file, i + 1)));
      for (const [heading, line] of firstLines) {
        const page = texts.findIndex((p) => p.includes(squeeze(heading)));
        expect(page, heading).toBeGreaterThanOrEqual(0);
        expect(texts[page], heading).toContain(squeeze(line));
      }
      // The slip whole on its page: its title and its signature.
      const slip = texts[paper === 'A4' ? 1 : 2]!;
      for (const key of ['title', 'signature']) expect(slip, key).toContain(squeeze(t(`print.returnSlip.${key}`)));
      if (hasZbar) expect(decodeQr(file, `qr-long-${lang}-${paper}`)).toEqual([data.unit.serial]);
    });
  });

  it('never splits the return slip, even with every field at its maximum length and 12 components', async () => {
    const components = Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, name: `部件${i + 1}`.padEnd(30, '某'), months: 12 + i }));
    for (const paper of ['A4', 'A5'] as const) {
      const t = translator('zh-CN');
      const data = sample({ size: 'max', unit: { components }, logo: pngDataUrl(300, 100) });
      const { file, pages, pdf } = await renderTo(`max-${paper}`, data, 'zh-CN', paper);
      expect(run('pdfinfo', [file])).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
      // Too long for the planned pages (and, on A4, for the band across the foot of the sheet):
      // the slip moves whole to a page of its own, the last one.
      expect(pages).toBeGreaterThan(warrantyCardPages(paper));
      const last = squeeze(pageText(file, pages));
      for (const key of ['title', 'cardNumber', 'serial', 'signature']) expect(last, key).toContain(squeeze(t(`print.returnSlip.${key}`)));
      for (let page = 1; page < pages; page++) expect(squeeze(pageText(file, page))).not.toContain(squeeze(t('print.returnSlip.dealer')));
      // How to claim points to it where it is.
      expect(squeeze(run('pdftotext', ['-raw', file, '-']))).toContain(squeeze(t('print.warrantyCard.claim.slipLastPage')));
      expect(last).toContain(data.unit.serial);
      expect((await typeSizes(pdf)).min).toBeGreaterThanOrEqual(MIN_PT);
      if (hasZbar) expect(decodeQr(file, `qr-max-${paper}`)).toEqual([data.unit.serial]);
    }
  });

  it('has a seal square of at least 42 × 42 mm on A4 and on A5, in either layout', () => {
    for (const paper of ['A4', 'A5'] as const) {
      for (const compact of [false, true]) {
        const sides = sealSides(warrantyCardDefinition(sample({ size: 'long' }), 'zh-CN', paper, { compact }));
        expect(sides, `${paper} ${compact}`).toHaveLength(1);
        expect(sides[0]!, `${paper} ${compact}`).toBeGreaterThanOrEqual(42 - 1e-9);
      }
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
      data.settings.serviceContact.department!,
      data.settings.serviceContact.person!,
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
    data.settings = { ...data.settings, complaintLine: null, address: null, serviceContact: { department: null, person: null, phone: null } };
    for (const paper of ['A4', 'A5'] as const) {
      const definition = warrantyCardDefinition(data, 'en', paper);
      const text = documentText(definition);
      expect(text).not.toContain('Complaint line');
      expect(text).not.toContain('complaint line');
      expect(text).toContain('Service hotline');
      expect(text).toContain(translator('en')('print.returnSlip.handTo', { recipient: data.settings.companyName }));
      expect(text).not.toContain('Warranty department');
      expect(JSON.stringify(definition)).not.toContain('"image"');
    }
  });

  it('prints no scheduled service for a company that has stated none, and only what a company states', () => {
    const data = sample();
    const none = { ...data, settings: { ...data.settings, scheduledService: { callback: null, inspection: null, maintenance: null } } };
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = squeeze(documentText(warrantyCardDefinition(none, lang, 'A4')));
      expect(text).not.toContain(squeeze(lang === 'en' ? 'Scheduled service' : '定期服务'));
      expect(text).toContain(squeeze(PROMISES[lang][0]!));
    }
    // An elevator company: every 15 days on site, nothing else.
    const elevators = { ...data, settings: { ...data.settings, scheduledService: { callback: null, inspection: { every: 15, unit: 'days' as const }, maintenance: null } } };
    expect(squeeze(documentText(warrantyCardDefinition(elevators, 'zh-CN', 'A5')))).toContain('定期服务：每15天上门巡检维护一次。');
    expect(documentText(warrantyCardDefinition(elevators, 'en', 'A5'))).toContain('Scheduled service: an on-site inspection every 15 days.');
  });

  it('changes with the settings and the service level: nothing on it is fixed in the template', () => {
    const data = sample();
    const changed: WarrantyCardData = {
      ...data,
      serviceLevel: BASIC_TERMS,
      settings: {
        ...data.settings,
        hotlineHours: { days: 'workingDays', from: '08:30', to: '17:30' },
        serviceContact: { department: '工程服务部', person: '李工', phone: '13900001111' },
        returnSlip: { months: 2, address: '杭州市拱墅区湖墅南路 186 号 售后部' },
        warrantyRules: { ...data.settings.warrantyRules, refundDays: 0, exchangeDays: 10, repeatRepairsBeforeReplacement: 3, downtimeExtensionDays: 30, partInWarrantyMonths: 6 },
        service: { ...data.settings.service, lifetimeMaintenance: false },
      },
    };
    const zh = squeeze(documentText(warrantyCardDefinition(changed, 'zh-CN', 'A4')));
    for (const line of [
      '服务热线 400-812-3456，工作日 08:30–17:30 受理报修。',
      '接到报修后 1 小时内响应。',
      '市区 4 小时、郊县、其他地区 1 个工作日内到达现场。',
      '自购买之日起 10 日内出现性能故障的，可凭检测报告选择换货或修理。',
      '保修期内同一故障经 3 次修理仍不能正常使用的',
      '每次保修期顺延 30 天。',
      '另享 6 个月保修',
      '工程服务部',
      '李工',
      '139 0000 1111',
      '请于 2026-05-02 前寄回',
      '杭州市拱墅区湖墅南路 186 号 售后部',
    ]) {
      expect(zh, line).toContain(squeeze(line));
    }
    for (const gone of ['7×24', '自购买之日起 7 日内', '终身维护', '请于 2026-04-02 前寄回']) expect(zh, gone).not.toContain(squeeze(gone));
    const en = documentText(warrantyCardDefinition(changed, 'en', 'A4'));
    expect(en).toContain('On site within 4 h in town, 1 working day in the suburbs and elsewhere.');
    expect(en).toContain('Service hotline 400-812-3456: repairs taken on working days 08:30–17:30.');
  });

  it('counts the slip’s deadline from the purchase date, and says “within a month of purchase” without one', () => {
    const dated = squeeze(documentText(warrantyCardDefinition(sample({ unit: { purchaseDate: '2026-01-31' } }), 'zh-CN', 'A5')));
    expect(dated).toContain(squeeze('请于 2026-02-28 前寄回'));
    expect(dated).toContain(squeeze('于 2026-02-28 前寄回或交给服务人员'));
    const undated = sample({ unit: { purchaseDate: null } });
    for (const paper of ['A4', 'A5'] as const) {
      const zh = squeeze(documentText(warrantyCardDefinition(undated, 'zh-CN', paper)));
      expect(zh).toContain(squeeze('请于购买之日起 1 个月内寄回'));
      expect(documentText(warrantyCardDefinition(undated, 'en', paper))).toContain('Please post back within 1 month of purchase');
    }
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
