import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import data from '../../resources/calendar/cn-statutory.json';
import { addDays, type IsoDate, weekday } from './dates';

/**
 * Where a statutory holiday starts in a Gregorian year: a fixed date, a lunar date, lunar New
 * Year's Eve (除夕: the 29th or the 30th of the twelfth month, whichever ends the lunar year),
 * or the day of a solar term (清明).
 */
export type StatutoryStart = { solar: number[] } | { lunar: number[] } | { lunarNewYearsEve: true } | { solarTerm: string };

export interface StatutoryHolidayRule {
  name: string;
  en: string;
  start: StatutoryStart;
  /** Consecutive days off from the start. */
  days: number;
}

export interface StatutoryRules {
  about?: string;
  /** The first year these rules apply to: the days off changed in 2025 (除夕 and a second 劳动节 day). */
  inForceFrom: number;
  /** How two holidays sharing a run are named together: Chinese, English. */
  joinNames: [string, string];
  holidays: StatutoryHolidayRule[];
}

/** 《全国年节及纪念日放假办法》 as amended in force since 2025, from resources/calendar/cn-statutory.json. */
export const CN_STATUTORY: StatutoryRules = data as StatutoryRules;

/** The lunar calendar library is exact within this range; a later year is not guessed at. */
export const LAST_COMPUTED_YEAR = 2100;

/** A computed run of rest days; `from`..`to` may include a weekend between a holiday and its make-up day. */
export interface StatutoryHoliday {
  name: string;
  en: string;
  from: IsoDate;
  to: IsoDate;
}

const iso = (day: SolarDay): IsoDate => `${day.getYear()}-${String(day.getMonth()).padStart(2, '0')}-${String(day.getDay()).padStart(2, '0')}`;
const solarIso = (year: number, month: number, day: number): IsoDate => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The Gregorian date a holiday starts on in `year`, worked out by tyme4ts for the lunar ones. */
function startDay(start: StatutoryStart, year: number): IsoDate {
  if ('solar' in start) return solarIso(year, start.solar[0] ?? 1, start.solar[1] ?? 1);
  if ('lunar' in start) return iso(LunarDay.fromYmd(year, start.lunar[0] ?? 1, start.lunar[1] ?? 1).getSolarDay());
  if ('solarTerm' in start) return iso(SolarTerm.fromName(year, start.solarTerm).getSolarDay());
  // The eve of lunar New Year of `year` (which always falls in Gregorian January or February).
  return iso(LunarDay.fromYmd(year, 1, 1).getSolarDay().next(-1));
}

const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The holidays the law itself gives in `year`, with art. 6's make-up days: each holiday day that
 * falls on a Saturday or Sunday is made up on the first weekday after it that is not already a
 * holiday day. Swapped working days (调休) are a yearly decision of the State Council and are not
 * guessed. Holidays that share a day (中秋 on 3 October) become one run with both names.
 * Empty before the rules were in force or past the years the library covers.
 */
export function statutoryHolidays(year: number, rules: StatutoryRules = CN_STATUTORY): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < rules.inForceFrom || year > LAST_COMPUTED_YEAR) return [];
  const runs = rules.holidays.map((rule) => {
    const first = startDay(rule.start, year);
    return { rule, days: Array.from({ length: rule.days }, (_, i) => addDays(first, i)) };
  });
  const taken = new Set(runs.flatMap((r) => r.days));
  const weekendDays = runs.flatMap((run) => run.days.filter(isWeekend).map((day) => ({ day, run }))).sort((a, b) => a.day.localeCompare(b.day));
  for (const { day, run } of weekendDays) {
    let makeUp = addDays(day, 1);
    while (isWeekend(makeUp) || taken.has(makeUp)) makeUp = addDays(makeUp, 1);
    taken.add(makeUp);
    run.days.push(makeUp);
  }
  const spans = runs
    .map(({ rule, days }) => ({ name: rule.name, en: rule.en, from: days.reduce((a, b) => (a < b ? a : b)), to: days.reduce((a, b) => (a > b ? a : b)) }))
    .sort((a, b) => a.from.localeCompare(b.from));
  const merged: StatutoryHoliday[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) {
      // Named as the State Council names a shared run (2023: 中秋节、国庆节), in date order.
      const [zh, en] = rules.joinNames;
      merged[merged.length - 1] = { name: `${last.name}${zh}${span.name}`, en: `${last.en}${en}${span.en}`, from: last.from, to: span.to > last.to ? span.to : last.to };
    } else {
      merged.push(span);
    }
  }
  return merged;
}
