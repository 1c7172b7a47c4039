import { serviceLevelName } from '../../../../shared/domain/service-levels';
import type { Language } from '../../../../shared/i18n';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import type { Paper } from '../../../../shared/schemas/document';
import { dataTable, fieldTable, type FieldRow } from '../kit/forms';
import { keptSection, keyFigures, labelled, notes, sectionHeading, type Figure } from '../kit/layout';
import type { Content, TDocumentDefinitions } from '../kit/definition';
import {
  checklist,
  contactPhones,
  heading,
  paperCtx,
  satisfactionRow,
  signatures,
  siteAddress,
  technicianNames,
  ticketDocument,
  unitFields,
  unitIdentity,
  warrantyReasons,
  warrantyWord,
  type PaperCtx,
  type TicketPaperData,
} from './ticket-paper';

/** Seed 002's rules for a visit, in the order the visit goes; catalog keys under `repairPrint.dispatch.conduct.`. */
export const CONDUCT_RULES = [
  'onTime',
  'greet',
  'shoeCovers',
  'checkUnit',
  'checkPurchase',
  'outsideCause',
  'noPrivateCharges',
  'noFavours',
  'cleanUp',
  'explainCause',
  'showWorking',
  'teachCare',
  'askOpinion',
  'cannotFix',
] as const;

/** Lines left empty under the parts to bring, for what the technician adds by hand. */
const BLANK_BRING_ROWS = 3;
/** A list to bring of up to this many rows is kept on one page with its heading. */
const KEPT_ROWS = 12;

/**
 * The pages the order is laid out for: A4 holds the order and the record to fill in on one
 * sheet; A5 needs a second page.
 */
export function dispatchOrderPages(paper: Paper): number {
  return paper === 'A4' ? 1 : 2;
}

/** The dispatch order (派工单) the technician takes to the customer: data in, definition out. */
export function dispatchOrderDefinition(data: TicketPaperData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const c = paperCtx(data, lang, paper, options.compact ?? false);
  const { k, t, moment } = c;
  const content: Content[] = [
    ...heading(c, k('dispatch.title'), k('dispatch.number'), [
      labelled(t, k('common.ticketNumber'), data.ticket.number),
      labelled(t, k('common.printedAt'), moment(data.printedAt)),
    ]),
    schedule(c),
    details(c),
    ...sanbaoSection(c),
    ...bringSection(c),
    ...conductSection(c),
    ...recordSection(c),
  ];
  return ticketDocument(c, content);
}

/** The appointment and the two deadlines the technician is held to, framed where they catch the eye. */
function schedule(c: PaperCtx): Content {
  const { k, t, moment, date, data, setup } = c;
  const a = data.ticket.appointment;
  const due = (milestone: 'arrival' | 'fix') => data.ticket.deadlines.find((d) => d.milestone === milestone)?.due ?? null;
  const appointment = a ? k('dispatch.window', { date: date(a.date), from: a.from, to: a.to }) : k('dispatch.noAppointment');
  const figures: Figure[] = [
    { label: k('dispatch.appointment'), value: appointment, strong: true },
    { label: k('dispatch.arrivalDue'), value: moment(due('arrival')) },
    { label: k('dispatch.fixDue'), value: moment(due('fix')) },
  ];
  // A5 has room for three figures on a line; the severity goes in the table there.
  if (setup.paper === 'A4') figures.push({ label: k('common.severity'), value: t(`ticketing.severity.${data.ticket.severity}`) });
  return {
    stack: [
      keyFigures(figures),
      // Before arrival the fix deadline is only an estimate: it moves with the actual arrival.
      ...(data.ticket.arrivedAt === null ? [notes([k('dispatch.fixNote')])] : []),
    ],
  };
}

/** Who, where, which unit, what fault, who goes. */
function details(c: PaperCtx): Content {
  const { k, t, moment, data, setup } = c;
  const { ticket, customer } = data;
  const registered = unitIdentity(c).registered;
  const rows: FieldRow[] = [
    { heading: k('dispatch.customerHeading') },
    { label: k('common.customer'), value: customer.name, bold: true },
    { label: k('common.region'), value: t(`ticketing.region.${ticket.region}`) },
    // The customer's own name again beside itself read as a second person to ask for.
    { label: k('common.contact'), value: ticket.contactName && ticket.contactName !== customer.name ? ticket.contactName : k('common.sameAsCustomer') },
    { label: k('common.phone'), value: contactPhones(c).join('\u3000'), bold: true },
    { label: k('common.siteAddress'), value: siteAddress(c) ?? '', wide: true, bold: true, write: !siteAddress(c) },
    { heading: registered ? k('dispatch.unitHeading') : `${k('dispatch.unitHeading')} · ${k('common.unregistered')}` },
    ...unitFields(c, { dates: true }),
    { heading: k('dispatch.faultHeading') },
    { label: k('common.reportedAt'), value: moment(ticket.reportedAt) },
    { label: k('common.source'), value: t(`ticketing.source.${ticket.source}`) },
    { label: k('common.faultCategory'), value: t(`ticketing.faultCategory.${ticket.faultCategory}`) },
    { label: k('common.serviceLevel'), value: serviceLevelName(ticket.serviceLevel.name, t) },
    ...(setup.paper === 'A4' ? [] : [{ label: k('common.severity'), value: t(`ticketing.severity.${ticket.severity}`), bold: true, wide: true }]),
    { label: k('common.faultReported'), value: ticket.faultReported, wide: true, bold: true },
    { label: k('common.technicians'), value: technicianNames(c, true), wide: true },
    { label: k('common.warranty'), value: warrantyWord(c), bold: true, wide: true },
  ];
  const below = [...(registered ? [] : [k('dispatch.unregisteredCheck')]), ...warrantyReasons(c)];
  return { stack: [fieldTable(rows), { ul: below, style: ['list', 'note'], margin: [0, 2, 0, 0] }], margin: [0, setup.gap / 2, 0, 0] };
}

/** Any 三包 remedy the customer may be owed: the technician should not be the last to know. */
function sanbaoSection(c: PaperCtx): Content[] {
  const { k, explain, data } = c;
  const sanbao = data.ticket.sanbao.flatMap((s) => s.reasons.map(explain));
  if (sanbao.length === 0) return [];
  return [keptSection(k('dispatch.sanbaoHeading'), { ul: sanbao, style: 'list', bold: true })];
}

/** What to pack: the desk's note, the ticket's parts, and empty lines; a box to tick for each. */
function bringSection(c: PaperCtx): Content[] {
  const { k, data, setup } = c;
  const box = (): Content => ({ canvas: [{ type: 'rect', x: 2, y: 2, w: 8, h: 8, lineWidth: 0.7, lineColor: '#000000' }] });
  const rows: Content[][] = data.ticket.parts.map((p) => [p.name, { text: p.partNumber, style: 'tableCell', noWrap: true }, { text: String(p.quantity), style: 'tableCell', alignment: 'right' }, box()]);
  for (let i = 0; i < (data.ticket.parts.length > 0 ? BLANK_BRING_ROWS - 1 : BLANK_BRING_ROWS); i++) rows.push([' ', '', '', box()]);
  const table = dataTable(
    [k('dispatch.bringItem'), k('dispatch.bringPartNumber'), k('dispatch.bringQuantity'), k('dispatch.bringPacked')],
    rows,
    ['*', 'auto', 'auto', 'auto'],
  );
  const note: Content[] = data.ticket.bring ? [{ text: data.ticket.bring, style: 'fieldValue', bold: true, margin: [0, 0, 0, setup.gap / 3] }] : [];
  // A list of a few rows moves whole with its heading; a long one breaks, its heading row repeated.
  if (rows.length <= KEPT_ROWS) return [keptSection(k('dispatch.bringHeading'), ...note, table)];
  return [sectionHeading(k('dispatch.bringHeading')), ...note, table];
}

function conductSection(c: PaperCtx): Content[] {
  const { k, setup } = c;
  const items = CONDUCT_RULES.map((rule) => k(`dispatch.conduct.${rule}`));
  return [keptSection(k('dispatch.conductHeading'), checklist(items, 2, Math.round(9 * setup.scale)))];
}

/** Left blank for the visit: times, checks, diagnosis, action, parts, the customer's word and signatures. */
function recordSection(c: PaperCtx): Content[] {
  const { k, setup } = c;
  // Room to write by hand; the compact layout gives up a little of it before any type.
  const line = Math.round(((22 * setup.scale) / 0.9) * (setup.compact ? 0.9 : 1));
  const fields = fieldTable(
    [
      { label: k('dispatch.arrivedAt'), value: '', write: true },
      { label: k('dispatch.leftAt'), value: '', write: true },
      { label: k('dispatch.checkedSerial'), value: '', write: true },
      { label: k('dispatch.checkedPurchase'), value: '', write: true },
      { label: k('dispatch.diagnosis'), value: '', wide: true, write: line * 1.5 },
      { label: k('dispatch.action'), value: '', wide: true, write: line * 1.5 },
      { label: k('dispatch.partsUsed'), value: '', wide: true, write: line * 1.2 },
      { label: k('common.opinion'), value: '', wide: true, write: line * 1.2 },
    ],
    2,
    { writeHeight: line },
  );
  return [
    {
      stack: [
        sectionHeading(k('dispatch.recordHeading')),
        fields,
        { stack: [satisfactionRow(c)], margin: [0, setup.gap / 2, 0, 0] },
        signatures(c, [k('common.customerSignature'), k('common.technicianSignature')]),
      ],
      // The record is one thing to fill in: it moves to the next page whole rather than split.
      unbreakable: true,
    },
  ];
}

/** Renders the order; compact when the normal layout runs past `dispatchOrderPages`. */
export async function renderDispatchOrder(data: TicketPaperData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const c = paperCtx(data, lang, paper, false);
  return renderFitting(({ compact }) => dispatchOrderDefinition(data, lang, paper, { compact }), dispatchOrderPages(paper), {
    title: `${c.k('dispatch.title')} ${data.number}`,
    subject: `${data.ticket.number} ${data.ticket.unitLabel}`,
    author: data.settings.companyName,
    lang,
  });
}
