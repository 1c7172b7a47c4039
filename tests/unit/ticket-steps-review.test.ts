import { describe, expect, it } from 'vitest';
import { ticketSteps, type ReviewStep } from '../../shared/domain/ticket-stage';
import type { TicketStatus } from '../../shared/domain/ticket-status';

const PATH = ['taken', 'arranged', 'work', 'done', 'calledBack', 'closed'];
const WITH_APPROVAL = ['taken', 'arranged', 'work', 'done', 'approved', 'calledBack', 'closed'];

describe("the stepper with the supervisor's check", () => {
  const cases: [string, TicketStatus, ReviewStep, string[], string | null][] = [
    ['a ticket resolved with the check off has no approval step', 'resolved', 'none', PATH, 'done'],
    ['a ticket waiting for its supervisor is done, with the approval next', 'resolved', 'waiting', WITH_APPROVAL, 'done'],
    ['an approved ticket stands at the approval until it is called back', 'resolved', 'approved', WITH_APPROVAL, 'approved'],
    ['a called-back ticket that was approved keeps the step behind it', 'calledBack', 'approved', WITH_APPROVAL, 'calledBack'],
    ['a ticket released when the check was switched off never had the step', 'resolved', 'waived', PATH, 'done'],
    ['an open ticket knows nothing of the check yet', 'onSite', 'none', PATH, 'work'],
    ['a cancelled ticket is off the path', 'cancelled', 'none', PATH, null],
  ];
  it.each(cases)('%s', (_name, status, review, steps, current) => {
    expect(ticketSteps(status, review)).toEqual({ steps, current });
  });
});
