import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../electron/backend/documents/kit/amount-in-words';
import { CARBON_MIN_PT, MIN_PT } from '../../electron/backend/documents/kit/layout';
import { dispatchOrderPages, renderDispatchOrder } from '../../electron/backend/documents/ticket-papers/dispatch-order';
import { renderRepairReceipt, repairReceiptPages } from '../../electron/backend/documents/ticket-papers/repair-receipt';
import type { TicketPaperData } from '../../electron/backend/documents/ticket-papers/ticket-paper';
import { translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';
import { readPdf, smallestType, type ReadPage } from '../support/pdf-read';
import { busySample, sample, SIX_PARTS, ticketWith } from '../support/ticket-paper-sample';

/*
 * The document kit's rules, checked on every ticket paper × paper × language as a reader's
 * software reads the PDF: the pages planned, nothing under the paper's minimum type size, every
 * field printed, and a continuation header on any later page. A typical repair (six parts) and
 * a busy one (eight parts, every free-text field three times its usual length).
 */

type Doc = 'dispatch' | 'intake' | 'completion';
const PAPERS: Record<Doc, Paper[]> = { dispatch: ['A4', 'A5'], intake: ['A4', 'A5', 'C241'], completion: ['A4', 'A5', 'C241'] };
const CASES = (Object.keys(PAPERS) as Doc[]).flatMap((doc) => PAPERS[doc].flatMap((paper) => (['zh-CN', 'en'] as const).map((lang) => [doc, paper, lang] as const)));

const squeeze = (s: string) => s.replace(/\s+/g, '');

async function render(doc: Doc, data: TicketPaperData, lang: Language, paper: Paper): Promise<{ pages: ReadPage[]; planned: number }> {
  const result = doc === 'dispatch' ? await renderDispatchOrder(data, lang, paper) : await renderRepairReceipt(data, doc, lang, paper);
  const pages = await readPdf(result.pdf);
  expect(pages).toHaveLength(result.pages);
  return { pages, planned: doc === 'dispatch' ? dispatchOrderPages(paper) : repairReceiptPages(doc, paper) };
}

/** What each paper must print, whatever it takes. */
function fields(doc: Doc, data: TicketPaperData, lang: Language): string[] {
  const { ticket, customer } = data;
  const out = [data.number, ticket.number, customer.name, ticket.unit!.serial, ticket.faultReported];
  if (doc === 'dispatch') out.push(ticket.bring!, ...ticket.parts.map((p) => p.partNumber));
  if (doc === 'intake') out.push(ticket.intakeAccessories!, ticket.intakeCondition!);
  if (doc === 'completion') {
    out.push(ticket.diagnosis!, ticket.cause!, ticket.action!, ticket.discountReason!, amountInWords(ticket.charges.totalFen, lang));
    out.push(...ticket.parts.map((p) => p.partNumber));
  }
  return out.map(squeeze);
}

describe.each(CASES)('%s on %s in %s', (doc, paper, lang) => {
  const t = translator(lang);
  const minPt = paper === 'C241' ? CARBON_MIN_PT : MIN_PT;

  it('a typical repair (six parts) keeps to its planned pages, nothing under the minimum type size', async () => {
    const data = sample('WXD-2026-000009', ticketWith({ parts: SIX_PARTS }));
    const { pages, planned } = await render(doc, data, lang, paper);
    // The receipts promise one sheet for up to six parts; the dispatch order its planned pages.
    expect(pages).toHaveLength(planned);
    const smallest = smallestType(pages);
    expect(smallest.size, smallest.sample).toBeGreaterThanOrEqual(minPt - 0.05);
    const text = pages.map((p) => p.text).join('');
    for (const field of fields(doc, data, lang)) expect(text, field).toContain(field);
  });

  it('a busy repair prints every field, never under the minimum, and heads a later page as a continuation', async () => {
    const data = busySample('WXD-2026-000009');
    const { pages } = await render(doc, data, lang, paper);
    const smallest = smallestType(pages);
    expect(smallest.size, smallest.sample).toBeGreaterThanOrEqual(minPt - 0.05);
    const text = pages.map((p) => p.text).join('');
    for (const field of fields(doc, data, lang)) expect(text, field).toContain(field);
    // The intake copy holds even a busy repair on one sheet.
    if (doc === 'intake') expect(pages).toHaveLength(1);
    pages.forEach((page, i) => {
      const n = i + 1;
      expect(page.text).toContain(squeeze(t('print.common.page', { page: n, pages: pages.length })));
      if (n > 1) expect(page.text).toContain(squeeze(t('print.common.continued', { number: data.number })));
    });
    if (doc === 'completion' && pages.length > 1) {
      // The sums and signatures are never left without the grid they close: its heading comes with them.
      const last = pages.at(-1)!.text;
      expect(last).toContain(squeeze(t('repairPrint.common.customerSignature')));
      expect(last).toContain(squeeze(t('repairPrint.completion.item')));
    }
  });
});
