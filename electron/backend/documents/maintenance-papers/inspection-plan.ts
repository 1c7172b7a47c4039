import type { ChecklistItem } from '../../../../shared/domain/checklist';
import type { VisitKind } from '../../../../shared/domain/visit-plan';
import { formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Paper } from '../../../../shared/schemas/document';
import type { Settings } from '../../../../shared/schemas/settings';
import { documentCtx, documentPage, type DocumentCtx } from '../kit/context';
import type { Content, TDocumentDefinitions, Width } from '../kit/definition';
import { renderFitting, type RenderedDocument } from '../kit/fitting';
import { dataTable, fieldTable, signatureBlock, type FieldRow } from '../kit/forms';
import { keptSection, labelled, letterhead, MM, notes, sectionHeading } from '../kit/layout';

/*
 * The inspection plan for a contract's year (年度巡检计划): the visits with their dates and units,
 * what each kind of visit checks (from the units' checklists), and a place for the customer to
 * approve and sign it in advance, as some customers ask.
 */

export interface PlanChecklist {
  name: string;
  version: number;
  /** The units (labels) it applies to. */
  units: string[];
  items: Pick<ChecklistItem, 'text' | 'textEn' | 'standard'>[];
}

export interface InspectionPlanData {
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: Customer;
  contract: { number: string; startsOn: string; endsOn: string };
  year: number;
  units: { label: string; serial: string; site: string | null }[];
  /** `units`: the one unit a visit is for, or null for every unit of the contract. */
  visits: { number: string; kind: VisitKind; dueOn: string; unit: string | null }[];
  /** Per kind of visit in the year: the checklists it uses, and the units that have none. */
  kinds: { kind: VisitKind; checklists: PlanChecklist[]; without: string[] }[];
}

interface Ctx extends DocumentCtx {
  data: InspectionPlanData;
  k: (key: string, params?: Record<string, unknown>) => string;
}

function head(c: Ctx): Content[] {
  const { k, t, data, setup, date } = c;
  const rows: FieldRow[] = [
    { label: k('customer'), value: data.customer.name, bold: true },
    { label: k('contact'), value: formatPhone(data.customer.phone) },
    { label: k('contract'), value: data.contract.number, bold: true },
    { label: k('term'), value: `${date(data.contract.startsOn)} – ${date(data.contract.endsOn)}` },
    { label: k('year'), value: k('yearValue', { year: data.year }) },
    { label: k('units'), value: String(data.units.length) },
  ];
  return [
    letterhead(data.settings, t, { logoHeight: (setup.paper === 'A4' ? 14 : 11) * MM }),
    {
      columns: [
        { width: '*', text: k('title'), style: 'title' },
        { width: 'auto', text: labelled(t, k('number'), data.number), style: 'documentNumber', bold: true, alignment: 'right' },
      ],
      margin: [0, setup.gap * 0.5, 0, setup.gap * 0.4],
    },
    fieldTable(rows, 2),
  ];
}

function unitTable(c: Ctx): Content {
  const { k, data } = c;
  const rows = data.units.map((u, i): Content[] => [{ text: String(i + 1), style: 'tableCell', alignment: 'right' }, u.label, { text: u.serial, style: 'tableCell' }, u.site ?? c.t('print.common.none')]);
  const keys = ['no', 'unit', 'serial', 'site'];
  return { stack: [sectionHeading(k('unitsHeading')), dataTable(keys.map((key) => k(`column.${key}`)), rows, ['auto', '*', 'auto', '*'], { wrapHeadings: true })] };
}

function visitTable(c: Ctx): Content {
  const { k, t, data, date } = c;
  if (data.visits.length === 0) return keptSection(k('visitsHeading'), notes([k('noVisits')]));
  const all = k('allUnits', { count: data.units.length });
  const rows = data.visits.map((v, i): Content[] => [
    { text: String(i + 1), style: 'tableCell', alignment: 'right' },
    { text: v.number, style: 'tableCell', noWrap: true },
    { text: t(`maintenance.visit.kind.${v.kind}`), style: 'tableCell', noWrap: true },
    { text: date(v.dueOn), style: 'tableCell', noWrap: true },
    v.unit ?? all,
  ]);
  const keys = ['no', 'visit', 'kind', 'date', 'units'];
  const widths: Width[] = ['auto', 'auto', 'auto', 'auto', '*'];
  return { stack: [sectionHeading(k('visitsHeading')), dataTable(keys.map((key) => k(`column.${key}`)), rows, widths, { wrapHeadings: true })] };
}

/** Per kind of visit, each checklist's items with their standard. */
function itemSections(c: Ctx): Content[] {
  const { k, t, data } = c;
  // A callback is a phone call: it has no checklist to promise.
  return data.kinds.filter(({ kind }) => kind !== 'callback').map(({ kind, checklists, without }) => {
    const tables = checklists.map((list): Content => {
      const rows = list.items.map((item, i): Content[] => [{ text: String(i + 1), style: 'tableCell', alignment: 'right' }, c.lang === 'en' && item.textEn ? item.textEn : item.text, item.standard]);
      const keys = ['no', 'item', 'standard'];
      return {
        stack: [
          { text: k('checklistFor', { name: list.name, version: list.version, units: list.units.join('、') }), style: 'fieldValue', bold: true, margin: [0, 2, 0, 2] },
          dataTable(keys.map((key) => k(`column.${key}`)), rows, ['auto', '*', '*'], { wrapHeadings: true }),
        ],
      };
    });
    const missing = without.map((label) => k('noChecklist', { label }));
    return { stack: [{ text: k('itemsHeading', { kind: t(`maintenance.visit.kind.${kind}`) }), style: 'sectionHeading' }, ...tables, ...(missing.length > 0 ? [notes(missing)] : [])] };
  });
}

function approval(c: Ctx): Content {
  const { k, t, setup } = c;
  return {
    stack: [sectionHeading(k('approvalHeading')), notes([k('approvalText')], 'fieldValue'), signatureBlock(t, [k('companySignature'), k('customerSignature')], { height: setup.gap * 2.5 })],
    unbreakable: true,
  };
}

export function inspectionPlanDefinition(data: InspectionPlanData, lang: Language, paper: Paper, options: { compact?: boolean } = {}): TDocumentDefinitions {
  const base = documentCtx(lang, paper, options);
  const c: Ctx = { ...base, data, k: (key, params) => base.t(`maintenancePapers.plan.${key}`, params ?? {}) };
  return documentPage(c, [...head(c), unitTable(c), visitTable(c), ...itemSections(c), approval(c)], data);
}

export async function renderInspectionPlan(data: InspectionPlanData, lang: Language, paper: Paper): Promise<RenderedDocument> {
  const t = documentCtx(lang, paper).t;
  return renderFitting(({ compact }) => inspectionPlanDefinition(data, lang, paper, { compact }), Number.MAX_SAFE_INTEGER, {
    title: `${t('maintenancePapers.plan.title')} ${data.number}`,
    subject: `${data.customer.name} ${data.contract.number} ${data.year}`,
    author: data.settings.companyName,
    lang,
  });
}
