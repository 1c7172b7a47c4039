import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { callSummaryPaperInput } from '../../../../shared/schemas/call';
import type { ServiceContext } from '../../app/context';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { weekSummary } from './summary';
import { CALL_SUMMARY_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * The weekly call summary, archived and numbered like every other paper. It belongs to no one
 * record: filed as a `batch` paper (record id 0), its title naming the week.
 */

export async function createCallSummary(ctx: ServiceContext, input: z.output<typeof callSummaryPaperInput>): Promise<GeneratedDocument> {
  const [summary, settings] = await Promise.all([weekSummary(ctx, { weekOf: input.weekOf }), settingsForPaper(ctx)]);
  const t = translator(input.language);
  return archiveDocument(ctx, {
    kind: 'callSummary',
    recordType: 'batch',
    recordId: 0,
    title: t('calls.print.archiveTitle', { from: summary.from, to: summary.to }),
    paper: input.paper,
    language: input.language,
    templateVersion: CALL_SUMMARY_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'callSummary', data: { number, issuedOn, settings, summary }, language: input.language, paper: input.paper }),
  });
}
