import { sql } from 'kysely';
import type { z } from 'zod';
import { computeCharges } from '../../../../shared/domain/charges';
import { formatMoney } from '../../../../shared/format';
import type { TicketDetail, ticketChargesInput, ticketPartFittedInput, ticketPartInput, ticketPartRemoveInput } from '../../../../shared/schemas/ticket';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { addEvent, assertEditable, inTicketTransaction, ticketRow } from './common';
import { fitPart, setFittedDay } from './fitting';
import { getTicket } from './tickets';
import { refuse } from '../../lib/errors';
import { requireAdmin } from '../../app/request-context';

export async function addPart(ctx: ServiceContext, input: z.output<typeof ticketPartInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, (trx, at, who) =>
    fitPart(trx, { ticketId: input.id, partId: input.partId, quantity: input.quantity, inWarranty: input.inWarranty, componentKey: input.componentKey }, at, who),
  );
  return getTicket(ctx, input.id);
}

export async function setPartFitted(ctx: ServiceContext, input: z.output<typeof ticketPartFittedInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, (trx, at) => setFittedDay(trx, { ticketId: input.id, ticketPartId: input.ticketPartId, fittedOn: input.fittedOn }, at));
  return getTicket(ctx, input.id);
}

/** A part taken back off the ticket (not fitted after all) returns to stock. */
export async function removePart(ctx: ServiceContext, input: z.output<typeof ticketPartRemoveInput>): Promise<TicketDetail> {
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const ticket = await ticketRow(trx, input.id);
    assertEditable(ticket);
    const line = await trx
      .selectFrom('ticket_parts as tp')
      .innerJoin('parts as p', 'p.id', 'tp.part_id')
      .select(['tp.id', 'tp.part_id', 'tp.quantity', 'p.name'])
      .where('tp.id', '=', input.ticketPartId)
      .where('tp.ticket_id', '=', ticket.id)
      .executeTakeFirst();
    if (!line) throw refuse('ticketing.errors.ticketPartMissing', {}, 'ticketPartId');
    await trx.deleteFrom('ticket_parts').where('id', '=', line.id).execute();
    await trx.updateTable('parts').set({ quantity: sql`quantity + ${line.quantity}`, updated_at: at }).where('id', '=', line.part_id).execute();
    await trx.insertInto('stock_moves').values({ part_id: line.part_id, ticket_id: ticket.id, delta: line.quantity, reason: 'return', note: ticket.number, at, who }).execute();
    await addEvent(trx, ticket.id, { at, who, kind: 'partRemoved', data: { partId: line.part_id, name: line.name, quantity: line.quantity } });
  });
  return getTicket(ctx, input.id);
}

export async function setCharges(ctx: ServiceContext, input: z.output<typeof ticketChargesInput>): Promise<TicketDetail> {
  const lang = (await getSettings(ctx)).language;
  await inTicketTransaction(ctx, async (trx, at, who) => {
    const ticket = await ticketRow(trx, input.id);
    assertEditable(ticket);
    // Labour is charged at the fee table's amount, travel at the region's. Another amount (or a
    // labour line of the desk's own) is a price decided at the desk, which the admin PIN guards
    // like the fee table itself; lines kept as they were saved need nothing more.
    const saved = await trx.selectFrom('ticket_labour').select(['fee_id', 'name', 'amount_fen']).where('ticket_id', '=', ticket.id).execute();
    for (const line of input.labour) {
      if (line.feeId !== null) {
        const fee = await trx.selectFrom('labour_fees').select(['id', 'amount_fen']).where('id', '=', line.feeId).executeTakeFirst();
        if (!fee) throw refuse('ticketing.errors.feeMissing', { id: line.feeId }, 'labour');
        if (fee.amount_fen === line.amountFen) continue;
      }
      if (!saved.some((s) => s.fee_id === line.feeId && s.name === line.name && s.amount_fen === line.amountFen)) requireAdmin();
    }
    if (input.travelFen !== ticket.travel_fen) requireAdmin();
    const parts = await trx.selectFrom('ticket_parts').select(['quantity', 'price_fen', 'cost_fen', 'in_warranty']).where('ticket_id', '=', ticket.id).execute();
    const charges = computeCharges({
      inWarranty: ticket.warranty_in === 1,
      lifetimeMaintenance: input.lifetimeMaintenance,
      parts: parts.map((p) => ({ quantity: p.quantity, priceFen: p.price_fen, costFen: p.cost_fen, inWarranty: p.in_warranty === 1 })),
      labour: input.labour,
      travelFen: input.travelFen,
      discountFen: 0,
    });
    // A discount above what is owed, or money taken beyond the total, is a typing slip.
    if (input.discountFen > charges.subtotalFen) throw refuse('ticketing.errors.discountTooBig', { subtotal: formatMoney(charges.subtotalFen, lang) }, 'discountFen');
    const total = charges.subtotalFen - input.discountFen;
    if (input.paidFen > total) throw refuse('ticketing.errors.paidTooMuch', { total: formatMoney(total, lang) }, 'paidFen');
    await trx.deleteFrom('ticket_labour').where('ticket_id', '=', ticket.id).execute();
    for (const line of input.labour) {
      await trx.insertInto('ticket_labour').values({ ticket_id: ticket.id, fee_id: line.feeId, name: line.name, amount_fen: line.amountFen, quantity: line.quantity }).execute();
    }
    await trx
      .updateTable('tickets')
      .set({
        travel_fen: input.travelFen,
        discount_fen: input.discountFen,
        discount_reason: input.discountReason,
        paid_fen: input.paidFen,
        payment_method: input.paymentMethod,
        lifetime_maintenance: input.lifetimeMaintenance ? 1 : 0,
      })
      .where('id', '=', ticket.id)
      .execute();
    await addEvent(trx, ticket.id, { at, who, kind: 'charges', data: { totalFen: total, paidFen: input.paidFen } });
  });
  return getTicket(ctx, input.id);
}
