import { describe, expect, it } from 'vitest';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import {
  contractInput,
  defaultEnd,
  followDates,
  lineValues,
  newContractValues,
  parseOffsets,
  presetLines,
  previewPlan,
  renamePaths,
} from '../../renderer/src/features/maintenance/contract-form';

/* The contract form's own rules: its default term, the plan following the dates, what it sends, the preview. */

describe('the default term of a new contract', () => {
  it.each([
    ['2026-03-01', '2027-02-28'],
    ['2027-03-01', '2028-02-29'],
    ['2026-01-31', '2027-01-30'],
    ['2028-02-29', '2029-02-28'],
    ['2026-12-04', '2027-12-03'],
  ])('from %s runs to %s', (start, end) => {
    expect(defaultEnd(start)).toBe(end);
  });
});

describe('the plan lines', () => {
  it('follow the contract dates where they ran from its start or to its end, and keep the others', () => {
    const lines = presetLines('phased', '2026-12-01', '2027-11-30');
    const moved = followDates(lines, { startsOn: '2026-12-01', endsOn: '2027-11-30' }, { startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(moved.map((l) => [l.from, l.to])).toEqual([
      ['2027-01-01', '2027-03-01'],
      ['2027-03-01', '2027-12-31'],
      ['2027-01-01', '2027-12-31'],
    ]);
  });

  it('read months after acceptance however they are separated, and flag what is not a month', () => {
    expect(parseOffsets('3, 7，11、15')).toEqual([3, 7, 11, 15]);
    expect(parseOffsets(' ')).toBeNull();
    expect(parseOffsets('3, x')).toEqual([3, Number.NaN]);
  });

  it('go to the backend as it takes them: a step only where the repeat has one, dates tidied, the price in fen', () => {
    const values = { ...newContractValues(7, 'standard'), unitIds: ['3', '4'], price: '¥1,280.5', startsOn: '2026/12/1', endsOn: '20271130' };
    values.plan = [
      lineValues({ kind: 'callback', repeat: 'after', n: 4, offsets: [3, 7], from: '2026/12/1', to: '2027-11-30' }),
      lineValues({ kind: 'inspection', repeat: 'quarter', n: 2, offsets: null, from: '2026-12-01', to: '2027-11-30' }),
    ];
    expect(contractInput(values)).toMatchObject({
      customerId: 7,
      unitIds: [3, 4],
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      priceFen: 128_050,
      plan: [
        { kind: 'callback', repeat: 'after', n: null, offsets: [3, 7], from: '2026-12-01' },
        { kind: 'inspection', repeat: 'quarter', n: null, offsets: null },
      ],
    });
  });

  it("put the backend's messages under the form's fields", () => {
    expect(renamePaths({ 'unitIds.1': 'a', priceFen: 'b', 'plan.2.offsets.0': 'c', 'plan.0.from': 'd' })).toEqual({ unitIds: 'a', price: 'b', 'plan.2.offsets': 'c', 'plan.0.from': 'd' });
  });
});

describe('the preview', () => {
  it('shows the visits from today on, moved onto working days, the lines that make none and the years the calendar lacks', () => {
    const lines = [
      lineValues({ kind: 'inspection', repeat: 'quarter', n: null, offsets: null, from: '2026-09-01', to: '2027-08-31' }),
      lineValues({ kind: 'maintenance', repeat: 'months', n: 12, offsets: null, from: '2026-09-01', to: '2027-08-31' }),
      // Half typed: left out, not a failure.
      lineValues({ kind: 'callback', repeat: 'months', n: null, offsets: null, from: '2026-09-01', to: '2027-08-31' }),
    ];
    const preview = previewPlan(lines, CN_MAINLAND, '2026-10-01');
    // 2026-09-15 has passed; 2026-12-15 is a Tuesday; 2027 has no schedule yet.
    expect(preview.visits.map((v) => [v.kind, v.due])).toEqual([
      ['inspection', '2026-12-15'],
      ['inspection', '2027-03-15'],
      ['inspection', '2027-06-15'],
    ]);
    expect(preview.idle).toEqual([2]);
    expect(preview.missingYears).toEqual([2027]);
  });

  it('moves a monthly visit that falls in the National Day holiday (1–7 October 2026) to the 8th', () => {
    const lines = [lineValues({ kind: 'inspection', repeat: 'months', n: 1, offsets: null, from: '2026-09-01', to: '2026-10-31' })];
    expect(previewPlan(lines, CN_MAINLAND, '2026-09-01').visits.map((v) => [v.nominal, v.due])).toEqual([
      ['2026-10-01', '2026-10-08'],
    ]);
  });
});
