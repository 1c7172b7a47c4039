import { writeFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { SatisfactionQuestion, ScoreTally, satisfactionExportInput } from '../../../../shared/schemas/review';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { assertSaveTarget } from '../admin/owned-files';
import { satisfactionReport } from './satisfaction';
import { loadExcelJs } from '../excel/libraries';

/** A question as the desk reads it: the company's wording, or the preset's in the desk's language. */
export function questionText(t: TFunction, q: Pick<SatisfactionQuestion, 'preset' | 'text'>): string {
  return q.text ?? (q.preset ? t(`survey.presets.${q.preset}`) : '');
}

const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The period's satisfaction to a workbook the user picks: per technician (overall and each scored
 * question) and per question (count, average, each score, share satisfied). The same numbers as
 * the screen, from the same function.
 */
export async function exportSatisfaction(ctx: ServiceContext, input: z.output<typeof satisfactionExportInput>): Promise<{ savedTo: string | null; rows: number }> {
  const lang = (await getSettings(ctx)).language;
  const t = translator(lang);
  const report = await satisfactionReport(ctx, { ...input, technicianId: null });
  const name = t('survey.export.file', { from: input.from, to: input.to });
  const chosen = await ctx.platform.chooseSavePath(`${name}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!chosen) return { savedTo: null, rows: 0 };
  const target = await assertSaveTarget(ctx, chosen);
  const scored = report.questions.filter((q) => q.kind === 'score' && (q.active || (report.byQuestion[q.id]?.count ?? 0) > 0));
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = t('appName');
  const period = t('survey.export.period', { from: input.from, to: input.to });

  const people = workbook.addWorksheet(t('survey.export.byTechnician'), { views: [{ state: 'frozen', ySplit: 2 }] });
  people.addRow([period]);
  const avg = (x: ScoreTally | undefined) => x?.average ?? null;
  people.addRow([t('survey.columns.technician'), t('survey.columns.callbacks'), t('survey.columns.reached'), t('survey.columns.overall'), t('survey.columns.satisfied'), ...scored.map((q) => questionText(t, q))]);
  for (const p of report.technicians) {
    people.addRow([p.name, p.callbacks, p.reached, avg(p.overall), share(p.overall.satisfiedShare), ...scored.map((q) => avg(p.byQuestion[q.id]))]);
  }
  people.addRow([t('survey.columns.all'), report.callbacks, report.reached, avg(report.overall), share(report.overall.satisfiedShare), ...scored.map((q) => avg(report.byQuestion[q.id]))]);
  people.getRow(2).font = { bold: true };
  people.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 14));

  const questions = workbook.addWorksheet(t('survey.export.byQuestion'), { views: [{ state: 'frozen', ySplit: 2 }] });
  questions.addRow([period]);
  questions.addRow([t('survey.columns.question'), t('survey.columns.answers'), t('survey.columns.average'), '1', '2', '3', '4', '5', t('survey.columns.satisfied'), t('survey.columns.words')]);
  const line = (label: string, x: ScoreTally, words: number | null) => questions.addRow([label, x.count, x.average, ...x.counts, share(x.satisfiedShare), words]);
  line(t('survey.columns.overall'), report.overall, null);
  for (const q of report.questions) {
    const x = report.byQuestion[q.id];
    if (!x || (!q.active && x.count === 0 && x.words === 0)) continue;
    line(questionText(t, q), x, q.kind === 'words' ? x.words : null);
  }
  questions.getRow(2).font = { bold: true };
  questions.getColumn(1).width = 36;

  writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { savedTo: target, rows: report.technicians.length };
}
