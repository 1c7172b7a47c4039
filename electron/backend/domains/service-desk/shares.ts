import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays, localMoment } from '../../../../shared/domain/dates';
import { serviceLevelName } from '../../../../shared/domain/service-levels';
import type { ServiceLevelTerms } from '../../../../shared/domain/sla';
import { translator } from '../../../../shared/i18n';
import type { ServiceShares, ShareMilestoneName, ShareRow, sharesInput } from '../../../../shared/schemas/shares';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { assertSaveTarget } from '../admin/owned-files';
import { loadExcelJs } from '../excel/libraries';

/*
 * The share of promises met over a period ("on site within 4 h in 90% of faults"): per service
 * level for the tickets reported in the period, and for the complaints received in it. A call
 * counts once its deadline is due: met in time, late, or still open past it; one still inside
 * its time is not judged yet. Cancelled tickets are left out (no fault was served), and so is the
 * arrival of a ticket resolved without a visit (it owed none).
 */

function row(milestone: ShareMilestoneName, promised: number | null | undefined, judged: number | null, met: number | null): ShareRow {
  const j = judged ?? 0;
  const m = met ?? 0;
  const share = j === 0 ? null : Math.round((m / j) * 1000) / 10;
  const p = promised ?? null;
  return { milestone, promised: p, judged: j, met: m, share, kept: p === null || share === null ? null : share >= p };
}

export async function serviceShares(ctx: ServiceContext, input: z.output<typeof sharesInput>): Promise<ServiceShares> {
  const start = localMoment(input.from);
  const end = localMoment(addDays(input.to, 1));
  const now = ctx.now().getTime();
  const [tickets, complaints, settings] = await Promise.all([
    ctx.db
      .selectFrom('tickets as t')
      .innerJoin('service_levels as s', 's.id', 't.service_level_id')
      .select(['s.id', 's.name', 's.terms', 's.is_default'])
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(t.answered_at is not null or t.answer_due < ${now})`.as('answer_judged'),
        sql<number>`sum(t.answered_at is not null and t.answered_at <= t.answer_due)`.as('answer_met'),
        sql<number>`sum(t.arrived_at is not null or (t.resolved_at is null and t.arrival_due < ${now}))`.as('arrival_judged'),
        sql<number>`sum(t.arrived_at is not null and t.arrived_at <= t.arrival_due)`.as('arrival_met'),
        sql<number>`sum(t.resolved_at is not null or t.fix_due < ${now})`.as('fix_judged'),
        sql<number>`sum(t.resolved_at is not null and t.resolved_at <= t.fix_due)`.as('fix_met'),
      ])
      .where('t.reported_at', '>=', start)
      .where('t.reported_at', '<', end)
      .where('t.cancelled_at', 'is', null)
      .groupBy('s.id')
      .orderBy('s.is_default', 'desc')
      .orderBy('s.name')
      .execute(),
    ctx.db
      .selectFrom('complaints')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(answered_at is not null or answer_due < ${now})`.as('ack_judged'),
        sql<number>`sum(answered_at is not null and answered_at <= answer_due)`.as('ack_met'),
        sql<number>`sum(reply_due is not null and (replied_at is not null or reply_due < ${now}))`.as('reply_judged'),
        sql<number>`sum(reply_due is not null and replied_at is not null and replied_at <= reply_due)`.as('reply_met'),
        sql<number>`sum(resolved_at is not null or resolve_due < ${now})`.as('resolve_judged'),
        sql<number>`sum(resolved_at is not null and resolved_at <= resolve_due)`.as('resolve_met'),
      ])
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .executeTakeFirstOrThrow(),
    getSettings(ctx),
  ]);
  const shares = settings.service.complaintShares;
  return {
    from: input.from,
    to: input.to,
    levels: tickets.map((l) => {
      const promised = (JSON.parse(l.terms) as ServiceLevelTerms).shares ?? {};
      return {
        id: l.id,
        name: l.name,
        tickets: l.n,
        rows: [
          row('answer', promised.answer, l.answer_judged, l.answer_met),
          row('arrival', promised.arrival, l.arrival_judged, l.arrival_met),
          row('fix', promised.fix, l.fix_judged, l.fix_met),
        ],
      };
    }),
    complaints: {
      count: complaints.n,
      rows: [
        row('ack', null, complaints.ack_judged, complaints.ack_met),
        row('reply', shares.reply, complaints.reply_judged, complaints.reply_met),
        row('resolve', shares.resolve, complaints.resolve_judged, complaints.resolve_met),
      ],
    },
  };
}

/** The same figures as a spreadsheet, one row per promise, for the owner to keep or pass on. */
export async function exportServiceShares(ctx: ServiceContext, input: z.output<typeof sharesInput>): Promise<{ savedTo: string | null; rows: number }> {
  const t = translator((await getSettings(ctx)).language);
  const figures = await serviceShares(ctx, input);
  const sheetName = t('hours.shares.sheet');
  const chosen = await ctx.platform.chooseSavePath(`${sheetName} ${input.from}~${input.to}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, rows: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([t('hours.shares.period', { from: input.from, to: input.to })]).font = { bold: true };
  const columns = ['subject', 'milestone', 'promised', 'judged', 'met', 'share', 'kept'] as const;
  sheet.addRow(columns.map((c) => t(`hours.shares.col.${c}`))).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i < 2 ? 24 : 12));
  const line = (subject: string, r: ShareRow) =>
    sheet.addRow([subject, t(`hours.milestone.${r.milestone}`), r.promised === null ? '' : r.promised / 100, r.judged, r.met, r.share === null ? '' : r.share / 100, r.kept === null ? '' : t(r.kept ? 'hours.shares.yes' : 'hours.shares.no')]);
  let rows = 0;
  for (const level of figures.levels) {
    for (const r of level.rows) {
      line(serviceLevelName(level.name, t), r);
      rows += 1;
    }
  }
  for (const r of figures.complaints.rows) {
    line(t('hours.shares.complaints'), r);
    rows += 1;
  }
  sheet.getColumn(3).numFmt = '0%';
  sheet.getColumn(6).numFmt = '0.0%';
  writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { savedTo: target, rows };
}
