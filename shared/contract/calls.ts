import type { GeneratedDocument } from '../schemas/document';
import type { TicketDetail } from '../schemas/ticket';
import {
  callDayInput,
  callLogInput,
  callRulesInput,
  callSolveTicketInput,
  callSummaryPaperInput,
  callWeekInput,
  type Call,
  type CallDay,
  type CallRules,
  type CallWeekSummary,
} from '../schemas/call';
import { none, read, returns, write } from './channel';
import { TICKET_VIEWS } from './tickets';

/** The call log (来电登记) and its weekly summary. */
export const callChannels = {
  'calls:log': write(callLogInput, returns<Call>(), { refreshes: ['calls', 'desk'] }),
  'calls:day': read(callDayInput, returns<CallDay>()),
  'calls:week': read(callWeekInput, returns<CallWeekSummary>()),
  // A repair ticket ended on the phone before anyone was sent; the call is logged with it.
  'calls:solveTicket': write(callSolveTicketInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'calls:rules': read(none, returns<CallRules>()),
  // The target is one of the desk's rules: the admin PIN guards it like the others.
  'calls:setRules': write(callRulesInput, returns<CallRules>(), { refreshes: ['calls', 'desk'], admin: true }),
  // Changes no record; the week's screen is the only one that offers it.
  'calls:export': write(callWeekInput, returns<{ savedTo: string | null; rows: number }>(), { refreshes: ['calls'] }),
  'documents:callSummary': write(callSummaryPaperInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
};
