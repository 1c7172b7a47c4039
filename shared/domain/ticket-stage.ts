import { isOpen, type TicketStatus } from './ticket-status';

/** Where a repair is, as the desk says it: taken, arranged, in work, done, called back, closed. */
export const TICKET_STAGES = ['taken', 'arranged', 'work', 'done', 'calledBack', 'closed'] as const;
export type TicketStage = (typeof TICKET_STAGES)[number];

const STAGE_OF: Record<Exclude<TicketStatus, 'cancelled'>, TicketStage> = {
  new: 'taken',
  answered: 'taken',
  scheduled: 'arranged',
  dispatched: 'arranged',
  onSite: 'work',
  waitingParts: 'work',
  atWorkshop: 'work',
  resolved: 'done',
  calledBack: 'calledBack',
  closed: 'closed',
};

/** The stage's place in TICKET_STAGES; null for a cancelled ticket, which left the path. */
export function stageIndex(status: TicketStatus): number | null {
  return status === 'cancelled' ? null : TICKET_STAGES.indexOf(STAGE_OF[status]);
}

/**
 * How far a ticket went through the supervisor's check (seed 002: the completed work order is
 * approved before the callback): not at all (resolved while the check was off), waiting,
 * approved, or waived (the check was switched off while it waited).
 */
export type ReviewStep = 'none' | 'waiting' | 'approved' | 'waived';
/** A step the stepper shows: the stages, and the approval where the ticket has one. */
export type TicketStep = TicketStage | 'approved';

/**
 * The stepper's steps for a ticket and the one it is at. The approval is a step only for a
 * ticket that went through the check (waiting or approved): a ticket resolved with the check
 * off, or waived when it was switched off, never had one, and the stepper does not invent it.
 */
export function ticketSteps(status: TicketStatus, review: ReviewStep): { steps: TicketStep[]; current: TicketStep | null } {
  const approval = review === 'waiting' || review === 'approved';
  const done = TICKET_STAGES.indexOf('done') + 1;
  const steps: TicketStep[] = approval ? [...TICKET_STAGES.slice(0, done), 'approved', ...TICKET_STAGES.slice(done)] : [...TICKET_STAGES];
  const index = stageIndex(status);
  if (index === null) return { steps, current: null };
  const stage = TICKET_STAGES[index] as TicketStage;
  return { steps, current: stage === 'done' && review === 'approved' ? 'approved' : stage };
}

export const TICKET_PANELS = ['report', 'work', 'parts', 'charges', 'deadlines', 'warranty', 'assignment', 'loan', 'callbacks', 'timeline'] as const;
export type TicketPanel = (typeof TICKET_PANELS)[number];
/** Shown in full, folded to a bar that opens it, or not shown until its stage comes. */
export type PanelState = 'open' | 'folded' | 'hidden';

/** What a ticket holds that keeps a panel in sight whatever the stage. */
export interface PanelFacts {
  status: TicketStatus;
  /** Brought to the counter: the unit is in from the start, and a loaner may go out at once. */
  walkIn: boolean;
  hasAssignment: boolean;
  hasWork: boolean;
  hasParts: boolean;
  hasCharges: boolean;
  hasLoans: boolean;
  hasCallbacks: boolean;
}

/**
 * Each panel when its stage needs it: who goes once the call is answered, the work once a
 * technician is sent, parts, charges and loaners from on site, callbacks after the work. What is
 * finished folds to one line; what holds something always shows. A new ticket shows the report,
 * its deadlines and warranty, and the history folded: four things, not ten.
 */
export function panelStates(f: PanelFacts): Record<TicketPanel, PanelState> {
  const stage = stageIndex(f.status);
  const from = (first: TicketStage, has: boolean): PanelState => (has || (stage !== null && stage >= TICKET_STAGES.indexOf(first)) ? 'open' : 'hidden');
  const open = isOpen(f.status);
  const finished = stage === null || stage >= TICKET_STAGES.indexOf('done');
  const assignment = f.status === 'new' && !f.hasAssignment ? 'hidden' : finished ? (f.hasAssignment ? 'folded' : 'hidden') : 'open';
  const states: Record<TicketPanel, PanelState> = {
    report: 'open',
    work: stage === null ? (f.hasWork ? 'open' : 'hidden') : f.status === 'dispatched' || f.hasWork ? 'open' : from('work', false),
    parts: stage === null ? (f.hasParts ? 'open' : 'hidden') : from('work', f.hasParts),
    charges: stage === null ? (f.hasCharges ? 'open' : 'hidden') : from('work', f.hasCharges),
    deadlines: open ? 'open' : 'folded',
    warranty: f.status === 'closed' || f.status === 'cancelled' ? 'folded' : 'open',
    assignment,
    // A loaner goes out while the unit is away (on site from then on, or a walk-in at the counter).
    loan: stage === null ? (f.hasLoans ? 'folded' : 'hidden') : f.hasLoans ? 'open' : open && (f.walkIn || from('work', false) === 'open') ? 'open' : 'hidden',
    callbacks: stage === null ? 'hidden' : from('done', f.hasCallbacks),
    timeline: 'folded',
  };
  return states;
}
