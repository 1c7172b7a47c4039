import { describe, expect, it } from 'vitest';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import { computeCharges } from '../../shared/domain/charges';
import { deadline, deadlineState, deadlineViews, STANDARD_TERMS, ticketDeadlines } from '../../shared/domain/sla';
import { canMove, needsFor, TICKET_STATUSES, type TicketStatus } from '../../shared/domain/ticket-status';

/** The flow the issue describes, written out once more as the specification the table must match. */
const ALLOWED: Record<TicketStatus, TicketStatus[]> = {
  new: ['answered', 'cancelled'],
  // Resolved before anyone is sent: solved on the phone (issue 20).
  answered: ['scheduled', 'dispatched', 'resolved', 'cancelled'],
  scheduled: ['dispatched', 'resolved', 'cancelled'],
  dispatched: ['onSite', 'scheduled', 'cancelled'],
  onSite: ['resolved', 'waitingParts', 'atWorkshop'],
  waitingParts: ['dispatched', 'atWorkshop', 'resolved', 'cancelled'],
  atWorkshop: ['waitingParts', 'resolved'],
  resolved: ['calledBack', 'closed'],
  calledBack: ['closed'],
  closed: [],
  cancelled: [],
};

describe('ticket status machine', () => {
  for (const from of TICKET_STATUSES) {
    for (const to of TICKET_STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
      });
    }
  }
  it('asks for what a move needs', () => {
    expect(needsFor('new', 'cancelled')).toEqual(['cancelReason']);
    expect(needsFor('onSite', 'resolved')).toEqual(['actionRecorded']);
    expect(needsFor('answered', 'dispatched')).toEqual(['technician']);
    expect(needsFor('answered', 'scheduled')).toEqual(['appointment']);
    expect(needsFor('resolved', 'closed')).toEqual(['closeNote']);
    expect(needsFor('calledBack', 'closed')).toEqual([]);
    // Solved on the phone: what was advised, not a technician's action.
    expect(needsFor('answered', 'resolved')).toEqual(['phoneAdvice']);
    expect(needsFor('scheduled', 'resolved')).toEqual(['phoneAdvice']);
  });
});

/** Local time on this PC, as the desk reads a clock. */
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const endOf = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();

describe('deadline arithmetic', () => {
  it('counts clock minutes and hours straight through nights and holidays (hotline 7×24)', () => {
    expect(deadline(at(2026, 10, 1, 20), { amount: 12, unit: 'hours' }, CN_MAINLAND)).toBe(at(2026, 10, 2, 8));
    expect(deadline(at(2026, 3, 20, 23, 50), { amount: 30, unit: 'minutes' }, CN_MAINLAND)).toBe(at(2026, 3, 21, 0, 20));
  });
  it('skips weekends for working days', () => {
    // Friday 2026-03-20 + 2 working days → Tuesday 2026-03-24, end of day.
    expect(deadline(at(2026, 3, 20, 15), { amount: 2, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 3, 24));
  });
  it('counts a swapped Sunday (调休) as a working day', () => {
    // Friday 2026-09-18: Saturday rests, Sunday 09-20 is worked for the Mid-Autumn holiday.
    expect(deadline(at(2026, 9, 18, 14), { amount: 1, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 9, 20));
    expect(deadline(at(2026, 9, 18, 14), { amount: 2, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 9, 21));
  });
  it('skips public holidays, and a swapped Saturday after National Day counts', () => {
    // Thursday 2026-09-24: Mid-Autumn Festival 09-25..27, next working day Monday 09-28.
    expect(deadline(at(2026, 9, 24, 10), { amount: 1, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 9, 28));
    // Wednesday 2026-09-30: National Day 10-01..07, then Thursday 08, Friday 09, Saturday 10 (worked).
    expect(deadline(at(2026, 9, 30, 9), { amount: 2, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 10, 9));
    expect(deadline(at(2026, 9, 30, 9), { amount: 3, unit: 'workingDays' }, CN_MAINLAND)).toBe(endOf(2026, 10, 10));
  });
  it('gives the seeds deadlines by region and severity; the fix counts from arrival', () => {
    const reported = at(2026, 3, 20, 9);
    const urban = ticketDeadlines(STANDARD_TERMS.targets.urban.ordinary, STANDARD_TERMS.loaner, { reportedAt: reported, arrivedAt: null }, CN_MAINLAND);
    expect(urban.answerDue).toBe(at(2026, 3, 20, 9, 30));
    expect(urban.arrivalDue).toBe(at(2026, 3, 20, 11));
    expect(urban.fixDue).toBe(at(2026, 3, 20, 15));
    expect(urban.loanerDue).toBe(at(2026, 3, 22, 9));
    const suburbanMajor = ticketDeadlines(STANDARD_TERMS.targets.suburban.major, STANDARD_TERMS.loaner, { reportedAt: reported, arrivedAt: at(2026, 3, 20, 13) }, CN_MAINLAND);
    expect(suburbanMajor.arrivalDue).toBe(at(2026, 3, 20, 21));
    expect(suburbanMajor.fixDue).toBe(at(2026, 3, 20, 21));
  });
  it('turns at risk in the last quarter of the time and overdue after it', () => {
    const from = at(2026, 3, 20, 9);
    const due = at(2026, 3, 20, 11);
    expect(deadlineState(from, due, null, at(2026, 3, 20, 10))).toBe('onTrack');
    expect(deadlineState(from, due, null, at(2026, 3, 20, 10, 30))).toBe('atRisk');
    expect(deadlineState(from, due, null, at(2026, 3, 20, 11, 1))).toBe('overdue');
    expect(deadlineState(from, due, at(2026, 3, 20, 10, 59), at(2026, 3, 20, 12))).toBe('met');
    expect(deadlineState(from, due, at(2026, 3, 20, 11, 5), at(2026, 3, 20, 12))).toBe('missed');
  });
  it('shows the loaner promise only once the unit goes off-site, and freezes a cancelled ticket', () => {
    const reportedAt = at(2026, 3, 20, 9);
    const due = ticketDeadlines(STANDARD_TERMS.targets.urban.ordinary, STANDARD_TERMS.loaner, { reportedAt, arrivedAt: null }, CN_MAINLAND);
    const clock = { reportedAt, answeredAt: null, arrivedAt: null, resolvedAt: null, loanerAt: null, needsLoaner: false, stoppedAt: null };
    expect(deadlineViews(due, clock, at(2026, 3, 20, 10)).map((v) => v.milestone)).toEqual(['answer', 'arrival', 'fix']);
    expect(deadlineViews(due, { ...clock, needsLoaner: true }, at(2026, 3, 20, 10)).map((v) => v.milestone)).toContain('loaner');
    const frozen = deadlineViews(due, { ...clock, stoppedAt: at(2026, 3, 20, 9, 10) }, at(2026, 3, 25));
    expect(frozen.every((v) => v.state === 'onTrack')).toBe(true);
  });
});

describe('charges', () => {
  const parts = [
    { quantity: 2, priceFen: 12_000, costFen: 8_000, inWarranty: false },
    { quantity: 1, priceFen: 35_050, costFen: 20_000, inWarranty: false },
  ];
  const labour = [{ quantity: 1, amountFen: 10_000 }];
  it('charges nothing in warranty', () => {
    const c = computeCharges({ inWarranty: true, lifetimeMaintenance: false, parts, labour, travelFen: 5_000, discountFen: 0 });
    expect(c).toMatchObject({ partsFen: 0, labourFen: 0, travelFen: 0, totalFen: 0 });
    expect(c.parts.map((p) => p.basis)).toEqual(['warranty', 'warranty']);
  });
  it('charges parts at price, labour by the table and travel out of warranty', () => {
    const c = computeCharges({ inWarranty: false, lifetimeMaintenance: false, parts, labour, travelFen: 5_000, discountFen: 1_050 });
    expect(c.partsFen).toBe(2 * 12_000 + 35_050);
    expect(c.subtotalFen).toBe(59_050 + 10_000 + 5_000);
    expect(c.totalFen).toBe(74_050 - 1_050);
  });
  it('charges parts at cost under lifetime maintenance', () => {
    const c = computeCharges({ inWarranty: false, lifetimeMaintenance: true, parts, labour: [], travelFen: 0, discountFen: 0 });
    expect(c.partsFen).toBe(2 * 8_000 + 20_000);
    expect(c.parts[0]).toEqual({ unitFen: 8_000, lineFen: 16_000, basis: 'cost' });
  });
  it('gives a part replaced under its own warranty free in a paid repair, and caps a discount at the subtotal', () => {
    const c = computeCharges({ inWarranty: false, lifetimeMaintenance: false, parts: [{ ...parts[0]!, inWarranty: true }], labour, travelFen: 0, discountFen: 99_999 });
    expect(c.partsFen).toBe(0);
    expect(c.discountFen).toBe(10_000);
    expect(c.totalFen).toBe(0);
  });
});
