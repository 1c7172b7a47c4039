import { describe, expect, it } from 'vitest';
import { panelStates, stageIndex, TICKET_STAGES, type PanelFacts } from '../../shared/domain/ticket-stage';
import { TICKET_STATUSES, type TicketStatus } from '../../shared/domain/ticket-status';

const bare = (status: TicketStatus, more: Partial<PanelFacts> = {}): PanelFacts => ({
  status,
  walkIn: false,
  hasAssignment: false,
  hasWork: false,
  hasParts: false,
  hasCharges: false,
  hasLoans: false,
  hasCallbacks: false,
  ...more,
});
const shown = (status: TicketStatus, more: Partial<PanelFacts> = {}) =>
  Object.entries(panelStates(bare(status, more)))
    .filter(([, state]) => state !== 'hidden')
    .map(([panel, state]) => `${panel}${state === 'folded' ? ' (folded)' : ''}`);

describe('the ticket page by stage', () => {
  it('puts every status but cancelled on the path, in order', () => {
    const stages = TICKET_STATUSES.filter((s) => s !== 'cancelled').map((s) => stageIndex(s)!);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    expect(stages.at(-1)).toBe(TICKET_STAGES.length - 1);
    expect(stageIndex('cancelled')).toBeNull();
  });

  it('shows a new ticket its report, deadlines and warranty, with the history folded', () => {
    expect(shown('new')).toEqual(['report', 'deadlines', 'warranty', 'timeline (folded)']);
  });

  it('brings in who goes once answered, the work once dispatched, and parts, charges and loaner on site', () => {
    expect(shown('answered')).toContain('assignment');
    expect(shown('answered')).not.toContain('work');
    expect(shown('dispatched')).toContain('work');
    expect(shown('dispatched')).not.toContain('charges');
    expect(shown('onSite')).toEqual(expect.arrayContaining(['work', 'parts', 'charges', 'loan']));
    expect(shown('onSite')).not.toContain('callbacks');
  });

  it('folds what is finished once the work is done and shows the callbacks', () => {
    const done = shown('resolved', { hasAssignment: true, hasWork: true });
    expect(done).toEqual(expect.arrayContaining(['callbacks', 'deadlines (folded)', 'assignment (folded)']));
    expect(shown('closed', { hasAssignment: true })).toEqual(expect.arrayContaining(['warranty (folded)', 'deadlines (folded)']));
  });

  it('offers a walk-in the loaner from the start: the unit is already at the counter', () => {
    expect(shown('new', { walkIn: true })).toContain('loan');
    expect(shown('closed', { walkIn: true })).not.toContain('loan');
  });

  it('never hides what a ticket holds, whatever its stage', () => {
    expect(shown('answered', { hasParts: true, hasCharges: true, hasLoans: true })).toEqual(expect.arrayContaining(['parts', 'charges', 'loan']));
    expect(shown('cancelled', { hasParts: true, hasWork: true })).toEqual(expect.arrayContaining(['parts', 'work']));
    expect(shown('cancelled')).toEqual(['report', 'deadlines (folded)', 'warranty (folded)', 'timeline (folded)']);
  });
});
