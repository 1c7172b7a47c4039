import type { DomainHandlers } from '../../app/handler-types';
import { appointTicket, assignTicket, chooseSanbaoPath, overrideWarranty, recordWork, transitionTicket } from './flow';
import { listTickets } from './list';
import { createDispatchOrder, createRepairReceipt } from './papers';
import { addPart, removePart, setCharges, setPartFitted } from './parts-charges';
import { createTicket, getTicket, updateTicket } from './tickets';

/** Repair tickets from the call to the callback, and their papers (dispatch order, repair receipts). */
export const ticketHandlers = {
  'tickets:create': createTicket,
  'tickets:get': (ctx, input) => getTicket(ctx, input.id),
  'tickets:list': listTickets,
  'tickets:update': updateTicket,
  'tickets:transition': transitionTicket,
  'tickets:assign': assignTicket,
  'tickets:appoint': appointTicket,
  'tickets:recordWork': recordWork,
  'tickets:addPart': addPart,
  'tickets:setPartFitted': setPartFitted,
  'tickets:removePart': removePart,
  'tickets:setCharges': setCharges,
  'tickets:overrideWarranty': overrideWarranty,
  'tickets:sanbaoPath': chooseSanbaoPath,
  'documents:dispatchOrder': createDispatchOrder,
  'documents:repairReceipt': createRepairReceipt,
} satisfies DomainHandlers;
