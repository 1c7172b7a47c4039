import type { z } from 'zod';
import type { dispatchOrderInput, GeneratedDocument, repairReceiptInput } from '../../../../shared/schemas/document';
import type { TicketDetail } from '../../../../shared/schemas/ticket';


import type { TicketPaperData } from '../../documents/ticket-papers/ticket-paper';
import { refuse } from '../../lib/errors';
import type { ServiceContext } from '../../app/context';
import { getCustomer } from '../customers/customers';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getTicket } from './tickets';
import { DISPATCH_ORDER_TEMPLATE_VERSION, REPAIR_RECEIPT_TEMPLATE_VERSION } from '../../documents/template-versions';

/** Everything a ticket's paper is drawn from, except its number and day (known once archived). */
export async function paperSource(ctx: ServiceContext, ticketId: number): Promise<Omit<TicketPaperData, 'number' | 'issuedOn'>> {
  const ticket = await getTicket(ctx, ticketId);
  if (ticket.status === 'cancelled') {
    throw refuse('repairPrint.errors.cancelled', { number: ticket.number });
  }
  const [customer, settings] = await Promise.all([getCustomer(ctx, ticket.customerId), settingsForPaper(ctx)]);
  return { ticket, customer, settings, printedAt: ctx.now().getTime() };
}

function titleOf(ticket: TicketDetail): string {
  return `${ticket.number} · ${ticket.unitLabel}`;
}

/** The dispatch order (派工单), numbered PGD-YYYY-NNNNNN and archived against the ticket. */
export async function createDispatchOrder(ctx: ServiceContext, input: z.output<typeof dispatchOrderInput>): Promise<GeneratedDocument> {
  const source = await paperSource(ctx, input.ticketId);
  return archiveDocument(ctx, {
    kind: 'dispatchOrder',
    recordType: 'ticket',
    recordId: source.ticket.id,
    title: titleOf(source.ticket),
    paper: input.paper,
    language: input.language,
    templateVersion: DISPATCH_ORDER_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'dispatchOrder', data: { ...source, number, issuedOn }, language: input.language, paper: input.paper }),
  });
}

/** A repair receipt: the intake copy (SJD-) or the completion copy (WXD-), archived against the ticket. */
export async function createRepairReceipt(ctx: ServiceContext, input: z.output<typeof repairReceiptInput>): Promise<GeneratedDocument> {
  const source = await paperSource(ctx, input.ticketId);
  return archiveDocument(ctx, {
    kind: input.copy === 'intake' ? 'repairIntake' : 'repairCompletion',
    recordType: 'ticket',
    recordId: source.ticket.id,
    title: titleOf(source.ticket),
    paper: input.paper,
    language: input.language,
    templateVersion: REPAIR_RECEIPT_TEMPLATE_VERSION,
    render: (number, issuedOn) =>
      ctx.documents.render({ kind: 'repairReceipt', copy: input.copy, data: { ...source, number, issuedOn }, language: input.language, paper: input.paper }),
  });
}
