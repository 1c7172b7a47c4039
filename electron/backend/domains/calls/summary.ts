import type { z } from 'zod';
import { sql } from 'kysely';
import { addDays, localDay, weekday } from '../../../../shared/domain/dates';
import { CALL_OUTCOMES, CALL_PURPOSES, type CallOutcome, type CallPurpose } from '../../../../shared/domain/calls';
import type { CallWeekSummary, callWeekInput } from '../../../../shared/schemas/call';
import type { ServiceContext } from '../../app/context';
import { getCallRules } from './calls';

/** The Monday and the Sunday of the week holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const from = addDays(day, -((weekday(day) + 6) % 7));
  return { from, to: addDays(from, 6) };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The week's calls by purpose and outcome, per day, the share solved on the phone against the
 * target, and the calls that opened a ticket: one grouped read of the (day, purpose, outcome)
 * index, at most 7 × 4 × 5 rows whatever the number of calls.
 */
export async function weekSummary(ctx: ServiceContext, input: z.output<typeof callWeekInput>): Promise<CallWeekSummary> {
  const { from, to } = weekOf(input.weekOf ?? localDay(ctx.now()));
  const rows = await ctx.db
    .selectFrom('calls')
    .select(['day', 'purpose', 'outcome', sql<number>`count(*)`.as('n')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['day', 'purpose', 'outcome'])
    .execute();
  const byPurpose = zeros(CALL_PURPOSES);
  const byOutcome = zeros(CALL_OUTCOMES);
  const grid = Object.fromEntries(CALL_PURPOSES.map((p) => [p, zeros(CALL_OUTCOMES)])) as Record<CallPurpose, Record<CallOutcome, number>>;
  const days = Array.from({ length: 7 }, (_, i) => ({ day: addDays(from, i), total: 0, solvedByPhone: 0 }));
  let total = 0;
  for (const r of rows) {
    const purpose = r.purpose as CallPurpose;
    const outcome = r.outcome as CallOutcome;
    const n = Number(r.n);
    total += n;
    byPurpose[purpose] += n;
    byOutcome[outcome] += n;
    grid[purpose][outcome] += n;
    const d = days.find((x) => x.day === r.day);
    if (d) {
      d.total += n;
      if (outcome === 'solvedByPhone') d.solvedByPhone += n;
    }
  }
  const solvedByPhone = byOutcome.solvedByPhone;
  const { phoneTargetPct } = await getCallRules(ctx);
  return {
    from,
    to,
    total,
    byPurpose,
    byOutcome,
    grid,
    days,
    solvedByPhone,
    phoneSharePct: total === 0 ? null : Math.round((solvedByPhone / total) * 1000) / 10,
    phoneTargetPct,
    ticketsOpened: byOutcome.ticketOpened,
  };
}
