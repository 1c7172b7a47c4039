import {
  sanbaoPathInput,
  ticketAppointInput,
  ticketAssignInput,
  ticketChargesInput,
  ticketCreateInput,
  ticketIdInput,
  ticketListInput,
  ticketPartFittedInput,
  ticketPartInput,
  ticketPartRemoveInput,
  ticketTransitionInput,
  ticketUpdateInput,
  ticketWorkInput,
  warrantyOverrideInput,
  type TicketDetail,
  type TicketPage,
} from '../schemas/ticket';
import { read, returns, write, type QueryDomain } from './channel';

/**
 * A ticket's move shows on the desk board and the callbacks due, its parts in stock, its loans
 * on the loaners, its repairs in the unit's warranty and the customer's history.
 */
export const TICKET_VIEWS: QueryDomain[] = ['tickets', 'desk', 'callbacks', 'parts', 'loaners', 'loans', 'units', 'customers', 'complaints', 'technicians', 'search', 'review', 'survey', 'calls'];

export const ticketChannels = {
  'tickets:create': write(ticketCreateInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:get': read(ticketIdInput, returns<TicketDetail>()),
  'tickets:list': read(ticketListInput, returns<TicketPage>()),
  'tickets:update': write(ticketUpdateInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:transition': write(ticketTransitionInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:assign': write(ticketAssignInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:appoint': write(ticketAppointInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:recordWork': write(ticketWorkInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:addPart': write(ticketPartInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:setPartFitted': write(ticketPartFittedInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:removePart': write(ticketPartRemoveInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:setCharges': write(ticketChargesInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:overrideWarranty': write(warrantyOverrideInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'tickets:sanbaoPath': write(sanbaoPathInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
};

