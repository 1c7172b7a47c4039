import { describe, expect, it } from 'vitest';
import { countDepreciation } from '../../shared/domain/depreciation';

/** Counted by hand; the price ¥2,000.00 at 0.10 % a day is ¥2.00 a day. */
describe('depreciation of a 三包 refund', () => {
  it('counts from the invoice day (not itself counted) to the return, with no repair', () => {
    // 09-10 → 09-15: 11, 12, 13, 14, 15 = 5 days; 5 × ¥2.00 = ¥10.00.
    const d = countDepreciation({ invoiceDate: '2026-09-10', returnDate: '2026-09-15', priceFen: 200_000, rateBp: 10, stays: [] });
    expect(d).toEqual({ daysElapsed: 5, stays: [], repairDays: 0, chargedDays: 5, depreciationFen: 1_000, refundFen: 199_000 });
  });

  it('takes off the days in repair, a stay still open running to the return', () => {
    // 09-01 → 09-14: 13 days. GD-1 09-03 → 09-06: 4, 5, 6 = 3 days; GD-2 09-12 open → 14: 13, 14 = 2 days.
    // 13 − 5 = 8 days × ¥3,580.00 × 0.50 % = ¥143.20.
    const d = countDepreciation({
      invoiceDate: '2026-09-01',
      returnDate: '2026-09-14',
      priceFen: 358_000,
      rateBp: 50,
      stays: [
        { ticketNumber: 'GD-2', from: '2026-09-12', to: null },
        { ticketNumber: 'GD-1', from: '2026-09-03', to: '2026-09-06' },
      ],
    });
    expect(d.stays).toEqual([
      { ticketNumber: 'GD-1', from: '2026-09-03', to: '2026-09-06', days: 3 },
      { ticketNumber: 'GD-2', from: '2026-09-12', to: '2026-09-14', days: 2 },
    ]);
    expect(d).toMatchObject({ daysElapsed: 13, repairDays: 5, chargedDays: 8, depreciationFen: 14_320, refundFen: 343_680 });
  });

  it('counts overlapping stays once and rounds to the fen', () => {
    // 08-31 → 09-07: 7 days. A 09-01 → 09-04 (2, 3, 4) and B 09-03 → 09-05 (4, 5: 4 already counted → 5 only).
    // 7 − 4 = 3 days × ¥1,999.99 × 0.15 % = 899.9955 fen → 900 fen.
    const d = countDepreciation({
      invoiceDate: '2026-08-31',
      returnDate: '2026-09-07',
      priceFen: 199_999,
      rateBp: 15,
      stays: [
        { ticketNumber: 'A', from: '2026-09-01', to: '2026-09-04' },
        { ticketNumber: 'B', from: '2026-09-03', to: '2026-09-05' },
      ],
    });
    expect(d.stays.map((s) => s.days)).toEqual([3, 1]);
    expect(d).toMatchObject({ daysElapsed: 7, repairDays: 4, chargedDays: 3, depreciationFen: 900, refundFen: 199_099 });
  });

  it('gives a negative refund for a rate too high, for the caller to refuse', () => {
    const d = countDepreciation({ invoiceDate: '2026-01-01', returnDate: '2026-03-01', priceFen: 10_000, rateBp: 200, stays: [] });
    expect(d.chargedDays).toBe(59);
    expect(d.refundFen).toBeLessThan(0);
  });
});
