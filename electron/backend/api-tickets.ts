import type { HandlersFor } from './api';
import { deskBoard } from './services/board';
import { callbacksDue, recordCallback } from './services/callbacks';
import { createTicket, getTicket, updateTicket } from './services/tickets';
import { appointTicket, assignTicket, chooseSanbaoPath, overrideWarranty, recordWork, transitionTicket } from './services/tickets-flow';
import { listTickets } from './services/tickets-list';
import { addPart, removePart, setCharges } from './services/tickets-parts';

/** Repair tickets, callbacks and the desk board. */
export const ticketHandlers: HandlersFor<
  | 'tickets:create'
  | 'tickets:get'
  | 'tickets:list'
  | 'tickets:update'
  | 'tickets:transition'
  | 'tickets:assign'
  | 'tickets:appoint'
  | 'tickets:recordWork'
  | 'tickets:addPart'
  | 'tickets:removePart'
  | 'tickets:setCharges'
  | 'tickets:overrideWarranty'
  | 'tickets:sanbaoPath'
  | 'callbacks:record'
  | 'callbacks:due'
  | 'desk:board'
> = {
  'tickets:create': createTicket,
  'tickets:get': (ctx, input) => getTicket(ctx, input.id),
  'tickets:list': listTickets,
  'tickets:update': updateTicket,
  'tickets:transition': transitionTicket,
  'tickets:assign': assignTicket,
  'tickets:appoint': appointTicket,
  'tickets:recordWork': recordWork,
  'tickets:addPart': addPart,
  'tickets:removePart': removePart,
  'tickets:setCharges': setCharges,
  'tickets:overrideWarranty': overrideWarranty,
  'tickets:sanbaoPath': chooseSanbaoPath,
  'callbacks:record': recordCallback,
  'callbacks:due': callbacksDue,
  'desk:board': (ctx) => deskBoard(ctx),
};
