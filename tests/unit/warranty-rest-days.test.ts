import { describe, expect, it } from 'vitest';
import { CN_MAINLAND } from '../../shared/domain/calendar';
import type { IsoDate } from '../../shared/domain/dates';
import { DEFAULT_WARRANTY_RULES, evaluateWarranty, fittedPartCover, restDayRuleNote, type RestDayRule } from '../../shared/domain/warranty-engine';
import { lastDay, lastDayReasons } from '../../shared/domain/warranty-term';

type Outcome = [end: IsoDate, lines: string[]];

interface Case {
  name: string;
  due: IsoDate;
  /** What each rule makes of it: the last covered day, and the explanation lines (keys under warranty.term.). */
  calendar: Outcome;
  holidays: Outcome;
  off: Outcome;
  provisional?: boolean;
}

const unmoved = (due: IsoDate): Outcome => [due, []];

// Evaluated in 2026-06, when no year beyond 2026 is published yet.
const ON = '2026-06-01';

const cases: Case[] = [
  { name: 'a plain Saturday', due: '2026-03-07', calendar: ['2026-03-09', ['weekend']], holidays: unmoved('2026-03-07'), off: unmoved('2026-03-07') },
  { name: 'a plain Sunday', due: '2026-03-08', calendar: ['2026-03-09', ['weekend']], holidays: unmoved('2026-03-08'), off: unmoved('2026-03-08') },
  { name: 'a weekday', due: '2026-03-10', calendar: unmoved('2026-03-10'), holidays: unmoved('2026-03-10'), off: unmoved('2026-03-10') },
  { name: 'a day of National Day 2026 (a Saturday)', due: '2026-10-03', calendar: ['2026-10-08', ['holiday']], holidays: ['2026-10-08', ['holidayOnly']], off: unmoved('2026-10-03') },
  { name: 'the first day of Spring Festival 2026 (a Sunday)', due: '2026-02-15', calendar: ['2026-02-24', ['holiday']], holidays: ['2026-02-24', ['holidayOnly']], off: unmoved('2026-02-15') },
  { name: 'New Year 2026, followed by a swapped working Sunday', due: '2026-01-01', calendar: ['2026-01-04', ['holiday']], holidays: ['2026-01-04', ['holidayOnly']], off: unmoved('2026-01-01') },
  { name: 'a swapped working Saturday (调休) after Spring Festival 2026: a working day', due: '2026-02-28', calendar: unmoved('2026-02-28'), holidays: unmoved('2026-02-28'), off: unmoved('2026-02-28') },
  { name: 'a swapped working Saturday after National Day 2026', due: '2026-10-10', calendar: unmoved('2026-10-10'), holidays: unmoved('2026-10-10'), off: unmoved('2026-10-10') },
  { name: 'a swapped working Sunday before Mid-Autumn 2026', due: '2026-09-20', calendar: unmoved('2026-09-20'), holidays: unmoved('2026-09-20'), off: unmoved('2026-09-20') },
  {
    name: 'National Day 2027, not yet published: counted from the law, provisional',
    due: '2027-10-01',
    calendar: ['2027-10-06', ['holiday', 'provisional']],
    holidays: ['2027-10-06', ['holidayOnly', 'provisional']],
    off: unmoved('2027-10-01'),
    provisional: true,
  },
  {
    name: "New Year's Day 2027 (a Friday): the calendar also passes the weekend after it",
    due: '2027-01-01',
    calendar: ['2027-01-04', ['holiday', 'provisional']],
    holidays: ['2027-01-02', ['holidayOnly', 'provisional']],
    off: unmoved('2027-01-01'),
    provisional: true,
  },
  {
    name: 'a Sunday before the provisional 清明 2027 (Monday 04-05): moved for the weekend, past a provisional holiday',
    due: '2027-04-04',
    calendar: ['2027-04-06', ['weekend', 'provisional']],
    holidays: unmoved('2027-04-04'),
    off: unmoved('2027-04-04'),
    provisional: true,
  },
  { name: 'a plain Saturday of 2027: a weekend is a rest day by law, not provisional', due: '2027-03-06', calendar: ['2027-03-08', ['weekend']], holidays: unmoved('2027-03-06'), off: unmoved('2027-03-06') },
];

const RULES: RestDayRule[] = ['calendar', 'holidays', 'off'];

describe('a last day on a rest day (Civil Code art. 203), under each rule', () => {
  it.each(cases.flatMap((c) => RULES.map((rule) => ({ ...c, rule, label: `${c.name}, rule ${rule}` }))))('$label', (c) => {
    const day = lastDay(c.due, { ...DEFAULT_WARRANTY_RULES, restDayRule: c.rule }, CN_MAINLAND, ON);
    const [end, lines] = c[c.rule];
    expect(day.end).toBe(end);
    expect(lastDayReasons(day).map((r) => r.key)).toEqual(lines.map((l) => `warranty.term.${l}`));
    expect(day.provisional).toBe(c.rule !== 'off' && end !== c.due && c.provisional === true);
  });

  it('names the holiday in both languages and the dates in the moved line', () => {
    const day = lastDay('2027-10-01', DEFAULT_WARRANTY_RULES, CN_MAINLAND, ON);
    expect(lastDayReasons(day)).toEqual([
      { key: 'warranty.term.holiday', params: { date: '2027-10-01', end: '2027-10-06', holiday: '国庆节', holidayEn: 'National Day' } },
      { key: 'warranty.term.provisional', params: { year: 2027 } },
    ]);
  });

  it('the working calendar is the default rule', () => {
    expect(DEFAULT_WARRANTY_RULES.restDayRule).toBe('calendar');
  });

  it.each([
    { rule: 'calendar' as const, key: 'warranty.rule.calendar' },
    { rule: 'holidays' as const, key: 'warranty.rule.holidays' },
    { rule: 'off' as const, key: null },
  ])('the card states the $rule rule once', ({ rule, key }) => {
    expect(restDayRuleNote({ restDayRule: rule })?.key ?? null).toBe(key);
  });
});

describe('the evaluation carries the provisional mark to the component and the part', () => {
  const evaluate = (restDayRule: RestDayRule) =>
    evaluateWarranty(
      {
        unit: { purchaseDate: '2026-09-28', installDate: null, acceptanceDate: '2026-10-01', productionDate: null, hasInvoice: true },
        policy: { basis: 'acceptance', components: [{ key: 'whole', name: '整机', months: 12 }] },
        repairs: [{ id: 1, reportedOn: '2026-11-20', completedOn: '2026-11-20', faultKey: 'x', componentKey: null, inWarranty: false, unfixedDowntime: false, partsFitted: [{ name: '电源', componentKey: null, fittedOn: '2027-07-01', paid: true }] }],
        exclusions: [],
        rules: { ...DEFAULT_WARRANTY_RULES, restDayRule },
        calendar: CN_MAINLAND,
      },
      '2027-07-02',
    );

  it('a term ending 2027-10-01 now runs to 2027-10-06 and says provisional', () => {
    const e = evaluate('calendar');
    expect(e.components[0]).toMatchObject({ end: '2027-10-06', provisional: true });
    expect(e.components[0]!.reasons.map((r) => r.key)).toEqual(['warranty.component.term', 'warranty.term.holiday', 'warranty.term.provisional', 'warranty.state.active']);
    // A paid part fitted 2027-07-01 + 3 months also ends on 2027-10-01.
    expect(e.parts[0]).toMatchObject({ end: '2027-10-06', provisional: true });
  });

  it("a part's cover as its receipt prints it carries the mark and both lines", () => {
    const cover = fittedPartCover({ name: '电源', fittedOn: '2027-07-01', paid: true }, DEFAULT_WARRANTY_RULES, CN_MAINLAND);
    expect(cover).toMatchObject({ end: '2027-10-06', provisional: true });
    expect(cover.reasons.map((r) => r.key)).toEqual(['warranty.part.paid', 'warranty.term.holiday', 'warranty.term.provisional']);
  });

  it('with the rule off the term ends on the day counted, nothing provisional', () => {
    const e = evaluate('off');
    expect(e.components[0]).toMatchObject({ end: '2027-10-01', provisional: false });
    expect(e.parts[0]).toMatchObject({ end: '2027-10-01', provisional: false });
  });
});
