import type { z } from 'zod';
import type { VisitKind } from '../../../../shared/domain/visit-plan';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { inspectionPlanInput } from '../../../../shared/schemas/maintenance-papers';
import type { ServiceContext } from '../../app/context';
import type { InspectionPlanData, PlanChecklist } from '../../documents/maintenance-papers/inspection-plan';
import { refuse } from '../../lib/errors';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { getContract } from './contracts';
import { getInspection } from './inspection';
import { INSPECTION_PLAN_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * The inspection plan of a contract's year (年度巡检计划), for the customer to approve in advance.
 * What each kind of visit checks is read the way the visit itself will read it (`getInspection`
 * of the year's first visit of that kind), so the plan promises what the form will ask.
 */

export async function inspectionPlanSource(ctx: ServiceContext, contractId: number, year: number | null): Promise<Omit<InspectionPlanData, 'number' | 'issuedOn'>> {
  const contract = await getContract(ctx, contractId);
  const planYear = year ?? Number(contract.startsOn.slice(0, 4));
  if (`${planYear}-12-31` < contract.startsOn || `${planYear}-01-01` > contract.endsOn) {
    throw refuse('maintenancePapers.errors.yearOutsideContract', { year: planYear, from: contract.startsOn, to: contract.endsOn }, 'year');
  }
  const [customer, settings, places] = await Promise.all([
    getCustomer(ctx, contract.customerId),
    settingsForPaper(ctx),
    ctx.db.selectFrom('units').select(['id', 'location_note']).where('id', 'in', contract.units.length > 0 ? contract.units.map((u) => u.id) : [0]).execute(),
  ]);
  const locationOf = new Map(places.map((p) => [p.id, p.location_note]));
  const visits = contract.visits.filter((v) => v.dueOn.startsWith(`${planYear}-`) && v.status !== 'cancelled').sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  const labelOf = new Map(contract.units.map((u) => [u.id, `${u.label} ${u.serial}`]));
  const kinds: InspectionPlanData['kinds'] = [];
  for (const kind of [...new Set(visits.map((v) => v.kind))] as VisitKind[]) {
    const first = visits.find((v) => v.kind === kind)!;
    const inspection = await getInspection(ctx, first.id);
    const checklists = new Map<number, PlanChecklist>();
    const without: string[] = [];
    for (const u of inspection.units) {
      const label = labelOf.get(u.unitId) ?? `${u.label} ${u.serial}`;
      if (!u.checklist || u.checklist.items.length === 0) {
        without.push(label);
        continue;
      }
      const list = checklists.get(u.checklist.versionId) ?? { name: u.checklist.name, version: u.checklist.version, units: [], items: u.checklist.items.map((i) => ({ text: i.text, textEn: i.textEn, standard: i.standard })) };
      list.units.push(label);
      checklists.set(u.checklist.versionId, list);
    }
    kinds.push({ kind, checklists: [...checklists.values()], without });
  }
  return {
    settings,
    customer,
    contract: { number: contract.number, startsOn: contract.startsOn, endsOn: contract.endsOn },
    year: planYear,
    // Where in the site: the address, and the room the unit is in.
    units: contract.units.map((u) => ({ label: u.label, serial: u.serial, site: [u.siteAddress, locationOf.get(u.id)].filter(Boolean).join(' ') || null })),
    visits: visits.map((v) => ({ number: v.number, kind: v.kind, dueOn: v.dueOn, unit: v.unitId === null ? null : (labelOf.get(v.unitId) ?? null) })),
    kinds,
  };
}

export async function createInspectionPlan(ctx: ServiceContext, input: z.output<typeof inspectionPlanInput>): Promise<GeneratedDocument> {
  const source = await inspectionPlanSource(ctx, input.contractId, input.year);
  return archiveDocument(ctx, {
    kind: 'inspectionPlan',
    recordType: 'contract',
    recordId: input.contractId,
    title: `${source.contract.number} · ${source.year} · ${source.customer.name}`,
    paper: input.paper,
    language: input.language,
    templateVersion: INSPECTION_PLAN_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'inspectionPlan', data: { ...source, number, issuedOn }, language: input.language, paper: input.paper }),
  });
}
