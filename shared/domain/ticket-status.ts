/**
 * The life of a repair ticket, from the phone call to the callback (seed 002's procedure).
 * The table below is the whole rule: the backend refuses any move it does not list, and the
 * screens only offer the moves it lists.
 */
export const TICKET_STATUSES = [
  'new',
  'answered',
  'scheduled',
  'dispatched',
  'onSite',
  'waitingParts',
  'atWorkshop',
  'resolved',
  'calledBack',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['answered', 'cancelled'],
  // A caller can be sent someone at once, without a separate appointment.
  // Or it ends on the phone (resolved, solved by phone: what was advised is its action), as long as nobody was sent.
  answered: ['scheduled', 'dispatched', 'resolved', 'cancelled'],
  scheduled: ['dispatched', 'resolved', 'cancelled'],
  // Back to scheduled when the appointment has to be moved.
  dispatched: ['onSite', 'scheduled', 'cancelled'],
  onSite: ['resolved', 'waitingParts', 'atWorkshop'],
  // Parts arrived: someone goes back (dispatched) or the workshop fits them.
  waitingParts: ['dispatched', 'atWorkshop', 'resolved', 'cancelled'],
  atWorkshop: ['waitingParts', 'resolved'],
  resolved: ['calledBack', 'closed'],
  calledBack: ['closed'],
  closed: [],
  cancelled: [],
};

/** Still work to do: counts on the board and against the deadlines. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'answered', 'scheduled', 'dispatched', 'onSite', 'waitingParts', 'atWorkshop'];

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Work on a ticket (fault, parts, charges, warranty) is recorded until it is closed or cancelled. */
export function isWorkEditable(status: TicketStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The moves that need something recorded first; the service checks them, the screen asks for them. */
export type TransitionNeed = 'cancelReason' | 'actionRecorded' | 'phoneAdvice' | 'appointment' | 'technician' | 'closeNote';

/** Resolved before anyone was sent: solved on the phone, the advice given being its action. */
export function isPhoneSolution(from: TicketStatus, to: TicketStatus): boolean {
  return to === 'resolved' && (from === 'answered' || from === 'scheduled');
}

export function needsFor(from: TicketStatus, to: TicketStatus): TransitionNeed[] {
  if (to === 'cancelled') return ['cancelReason'];
  if (isPhoneSolution(from, to)) return ['phoneAdvice'];
  if (to === 'resolved') return ['actionRecorded'];
  if (to === 'scheduled') return ['appointment'];
  if (to === 'dispatched') return ['technician'];
  // Closing without a reached callback (customer unreachable) needs a word saying so.
  if (to === 'closed' && from === 'resolved') return ['closeNote'];
  return [];
}

export const TICKET_SOURCES = ['phone', 'walkIn', 'inspection', 'complaint'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const SEVERITIES = ['ordinary', 'major', 'emergency'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Fault categories the desk picks from; the same category on the same unit is "the same fault" for 三包. */
export const FAULT_CATEGORIES = [
  'noPower',
  'notCooling',
  'noise',
  'leak',
  'display',
  'network',
  'mechanical',
  'electrical',
  'software',
  'entrapment',
  'other',
] as const;
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];
