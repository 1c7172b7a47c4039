import { z } from 'zod';
import { DAY_KINDS, dutyProblems, type DayKind, type DutyHours } from '../domain/duty-hours';

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'validation.time' });

const span = z.strictObject({ from: clock, to: clock });
const day = z.strictObject({ closed: z.boolean(), spans: z.array(span).max(6) });

/**
 * A span that does not run forward says what the desk most likely meant: a night duty
 * (20:00–08:00) is two spans, one on each day; the end of a day is written 24:00.
 */
function orderMessage(from: string, to: string): string {
  if (from === to) return 'hours.errors.dutySpanEmpty';
  return to === '00:00' ? 'hours.errors.dutyEndOfDay' : 'hours.errors.dutySpanMidnight';
}

/**
 * Duty hours per kind of day. Refused, under the field at fault, when a day is neither closed nor
 * given hours, a span ends before it starts, or two spans of a day overlap: the message names the
 * spans, so the desk sees which two clash.
 */
export const dutyHours = z
  .strictObject(Object.fromEntries(DAY_KINDS.map((k) => [k, day])) as Record<DayKind, typeof day>)
  .superRefine((hours: DutyHours, ctx) => {
    for (const p of dutyProblems(hours)) {
      if (p.code === 'empty') ctx.addIssue({ code: 'custom', path: [p.day, 'spans'], message: 'hours.errors.dutyDayEmpty' });
      else {
        const s = hours[p.day].spans[p.span]!;
        const params = p.code === 'overlap' ? { from: s.from, to: s.to, otherFrom: p.other.from, otherTo: p.other.to } : { from: s.from, to: s.to };
        ctx.addIssue({ code: 'custom', path: [p.day, 'spans', p.span, 'to'], message: p.code === 'order' ? orderMessage(s.from, s.to) : 'hours.errors.dutyOverlap', params });
      }
    }
  });
