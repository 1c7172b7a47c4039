import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { ReportPackInput } from '../../../../shared/schemas/reports';
import type { ServiceContext } from '../../app/context';
import type { ReportPackData } from '../../documents/report-pack/report-pack';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { warningSettings } from './failures';
import { reportBundle } from './reports';
import { REPORT_PACK_TEMPLATE_VERSION } from '../../documents/template-versions';

/** What a pack is drawn from, except its number and day: the same bundle the screen shows. */
export async function reportPackSource(ctx: ServiceContext, input: Pick<ReportPackInput, 'from' | 'to' | 'customerId'>): Promise<Omit<ReportPackData, 'number' | 'issuedOn'>> {
  const [settings, customer, bundle, rules] = await Promise.all([
    settingsForPaper(ctx),
    input.customerId === null ? null : getCustomer(ctx, input.customerId),
    reportBundle(ctx, input, { customerId: input.customerId, modelIds: null }),
    warningSettings(ctx),
  ]);
  return { settings, customerName: customer?.name ?? null, bundle, warningSettings: rules };
}

/** The monthly pack (or one contract customer's), drawn and archived like every other paper. */
export async function createReportPack(ctx: ServiceContext, input: ReportPackInput): Promise<GeneratedDocument> {
  const source = await reportPackSource(ctx, input);
  const period = `${input.from} – ${input.to}`;
  return archiveDocument(ctx, {
    kind: 'reportPack',
    recordType: input.customerId === null ? 'report' : 'customer',
    // The company's own pack belongs to no record: 0 says so (record ids start at 1).
    recordId: input.customerId ?? 0,
    title: source.customerName ? `${period} · ${source.customerName}` : period,
    paper: 'A4',
    language: input.language,
    templateVersion: REPORT_PACK_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'reportPack', data: { ...source, number, issuedOn }, language: input.language, paper: 'A4' }),
  });
}
