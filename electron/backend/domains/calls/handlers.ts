import type { DomainHandlers } from '../../app/handler-types';
import { dayCalls, getCallRules, logCall, setCallRules, solveTicketByPhone } from './calls';
import { exportCallWeek } from './export';
import { createCallSummary } from './papers';
import { weekSummary } from './summary';

/** The call log, its week's summary (screen, PDF, .xlsx) and the target it is judged by. */
export const callHandlers = {
  'calls:log': logCall,
  'calls:day': dayCalls,
  'calls:week': weekSummary,
  'calls:solveTicket': solveTicketByPhone,
  'calls:rules': (ctx) => getCallRules(ctx),
  'calls:setRules': setCallRules,
  'calls:export': exportCallWeek,
  'documents:callSummary': createCallSummary,
} satisfies DomainHandlers;
