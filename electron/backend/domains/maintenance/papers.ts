import type { z } from 'zod';
import type { GeneratedDocument, inspectionFormInput } from '../../../../shared/schemas/document';
import type { InspectionFormData } from '../../documents/inspection/inspection-form';
import type { ServiceContext } from '../../app/context';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { getInspection } from './inspection';
import { getVisit } from './visits';
import { INSPECTION_FORM_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * The visit's papers, archived like every other document: the inspection form, blank for the
 * technician or filled from what was recorded.
 */

/** What a visit's form is drawn from, except its number and day: blank, or filled from what was recorded. */
export async function inspectionFormSource(ctx: ServiceContext, visitId: number, filled: boolean): Promise<Omit<InspectionFormData, 'number' | 'issuedOn'>> {
  const visit = await getVisit(ctx, visitId);
  const [inspection, customer, settings] = await Promise.all([getInspection(ctx, visit.id), getCustomer(ctx, visit.customerId), settingsForPaper(ctx)]);
  const unitIds = inspection.units.map((u) => u.unitId);
  const units = unitIds.length === 0 ? [] : await ctx.db.selectFrom('units').select(['id', 'site_address', 'location_note']).where('id', 'in', unitIds).execute();
  const places = Object.fromEntries(units.map((u) => [u.id, { site: u.site_address, location: u.location_note }]));
  const tickets = Object.fromEntries(inspection.units.flatMap((u) => u.findings.filter((f) => f.ticketId !== null).map((f) => [f.ticketId!, f.ticketNumber ?? ''])));
  return { settings, customer, visit, inspection, places, tickets, filled };
}

export async function createInspectionForm(ctx: ServiceContext, input: z.output<typeof inspectionFormInput>): Promise<GeneratedDocument> {
  const source = await inspectionFormSource(ctx, input.visitId, input.filled);
  const { visit, customer } = source;
  return archiveDocument(ctx, {
    kind: 'inspectionForm',
    recordType: 'visit',
    recordId: visit.id,
    title: `${visit.number} · ${customer.name}`,
    paper: input.paper,
    language: input.language,
    templateVersion: INSPECTION_FORM_TEMPLATE_VERSION,
    render: (number, issuedOn) =>
      ctx.documents.render({
        kind: 'inspectionForm',
        data: { ...source, number, issuedOn },
        language: input.language,
        paper: input.paper,
      }),
  });
}
