import {
  calendarYearInput,
  calendarYearKey,
  complaintCreateInput,
  complaintIdInput,
  complaintListInput,
  complaintUpdateInput,
  serviceLevelCreateInput,
  serviceLevelUpdateInput,
  type CalendarView,
  type Complaint,
  type ServiceLevel,
} from '../schemas/service';
import { none, read, returns, write, type QueryDomain } from './channel';
import { boardInput, callbackRecordInput, callbacksDueInput, type Board, type CallbackDue, type TicketDetail } from '../schemas/ticket';
import { TICKET_VIEWS } from './tickets';
import { sharesInput, type ServiceShares } from '../schemas/shares';

/** Complaints show on their ticket and on the desk board. */
const COMPLAINT_VIEWS: QueryDomain[] = ['complaints', 'tickets', 'desk'];
/** Holidays move working-day deadlines and the warranty's last covered days. */
const CALENDAR_VIEWS: QueryDomain[] = ['calendar', 'desk', 'tickets', 'units', 'customers', 'search'];

/** Callbacks, complaints, service levels, the working calendar and the desk board. */
export const serviceDeskChannels = {
  'callbacks:record': write(callbackRecordInput, returns<TicketDetail>(), { refreshes: TICKET_VIEWS }),
  'callbacks:due': read(callbacksDueInput, returns<CallbackDue[]>()),
  'desk:board': read(boardInput, returns<Board>()),
  'serviceLevels:list': read(none, returns<ServiceLevel[]>()),
  'serviceLevels:create': write(serviceLevelCreateInput, returns<ServiceLevel>(), { refreshes: ['serviceLevels'], admin: true }),
  'serviceLevels:update': write(serviceLevelUpdateInput, returns<ServiceLevel>(), { refreshes: ['serviceLevels'], admin: true }),
  'calendar:get': read(none, returns<CalendarView>()),
  'calendar:saveYear': write(calendarYearInput, returns<CalendarView>(), { refreshes: CALENDAR_VIEWS, admin: true }),
  'calendar:resetYear': write(calendarYearKey, returns<CalendarView>(), { refreshes: CALENDAR_VIEWS, admin: true }),
  'complaints:create': write(complaintCreateInput, returns<Complaint>(), { refreshes: COMPLAINT_VIEWS }),
  'complaints:update': write(complaintUpdateInput, returns<Complaint>(), { refreshes: COMPLAINT_VIEWS }),
  'complaints:get': read(complaintIdInput, returns<Complaint>()),
  'complaints:list': read(complaintListInput, returns<Complaint[]>()),
  'complaints:close': write(complaintIdInput, returns<Complaint>(), { refreshes: COMPLAINT_VIEWS }),
  /** The share of each promise met over a period: the Desk shows it, the owner's reports will use it. */
  'serviceLevels:shares': read(sharesInput, returns<ServiceShares>()),
  'serviceLevels:exportShares': write(sharesInput, returns<{ savedTo: string | null; rows: number }>(), { refreshes: [] }),
};
