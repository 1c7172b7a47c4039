import type { z } from 'zod';
import { addDays, addMonths } from '../../../../shared/domain/dates';
import { nextTerm } from '../../../../shared/domain/renewal';
import { presetPlan } from '../../../../shared/domain/visit-plan';
import { serviceLevelName } from '../../../../shared/domain/service-levels';
import { translator } from '../../../../shared/i18n';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { renewalPaperInput } from '../../../../shared/schemas/renewal';
import type { RenewalPaper, RenewalPaperData } from '../../documents/renewal/renewal-papers';
import type { ServiceContext } from '../../app/context';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { defaultServiceLevel, listServiceLevels } from '../service-desk/service-levels';
import { renewalSubject } from './renewals';
import { RENEWAL_PAPERS_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * The renewal papers, archived and numbered like every other document: the renewal notice, and
 * the note for a customer who does not renew. Filed under the contract, or under the unit whose
 * warranty ends.
 */

type Input = z.output<typeof renewalPaperInput>;

/** What both papers print, except their number and day (known once archived). */
export async function renewalPaperSource(ctx: ServiceContext, input: Input): Promise<Omit<RenewalPaperData, 'number' | 'issuedOn'>> {
  const subject = await renewalSubject(ctx, input);
  const [customer, settings, levels, fallback] = await Promise.all([getCustomer(ctx, subject.customerId), settingsForPaper(ctx), listServiceLevels(ctx), defaultServiceLevel(ctx)]);
  const c = subject.contract;
  const level = (c?.serviceLevelId ? levels.find((l) => l.id === c.serviceLevelId) : null) ?? fallback;
  const t = translator(input.language);
  const units = subject.units.map((u) => ({
    label: `${u.brand} ${u.model}`.trim(),
    serial: u.serial,
    site: [u.siteAddress, u.locationNote].filter(Boolean).join(' ') || null,
    components: u.warranty.components.map((comp) => ({ name: comp.name, end: comp.end, provisional: comp.provisional })),
  }));
  if (c) {
    const term = nextTerm(c.startsOn, c.endsOn);
    return {
      settings,
      customer,
      contract: { number: c.number, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, paymentTerms: c.paymentTerms },
      units,
      endsOn: c.endsOn,
      next: { startsOn: term.startsOn, endsOn: term.endsOn },
      plan: c.plan.map((l) => ({ ...l, from: term.shift(l.from), to: term.shift(l.to) })),
      priceFen: c.priceFen > 0 ? c.priceFen : null,
      perUnitFen: null,
      serviceLevelName: level ? serviceLevelName(level.name, t) : null,
      serviceLevel: level?.terms ?? null,
    };
  }
  // A unit without contract: a year's standard plan from the day after its warranty, at the configured price.
  const startsOn = addDays(subject.endsOn, 1);
  const endsOn = addDays(addMonths(startsOn, 12), -1);
  const perUnit = settings.renewal.defaultPriceFen;
  return {
    settings,
    customer,
    contract: null,
    units,
    endsOn: subject.endsOn,
    next: { startsOn, endsOn },
    plan: presetPlan('standard', startsOn, endsOn),
    priceFen: perUnit === null ? null : perUnit * units.length,
    perUnitFen: perUnit,
    serviceLevelName: level ? serviceLevelName(level.name, t) : null,
    serviceLevel: level?.terms ?? null,
  };
}

async function createRenewalPaper(ctx: ServiceContext, paper: RenewalPaper, input: Input): Promise<GeneratedDocument> {
  const source = await renewalPaperSource(ctx, input);
  const reference = source.contract?.number ?? source.units[0]?.serial ?? '';
  return archiveDocument(ctx, {
    kind: paper === 'notice' ? 'renewalNotice' : 'serviceEndNote',
    recordType: input.contractId !== null ? 'contract' : 'unit',
    recordId: input.contractId ?? input.unitId!,
    title: `${reference} · ${source.customer.name}`,
    paper: input.paper,
    language: input.language,
    templateVersion: RENEWAL_PAPERS_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'renewalPaper', paper, data: { ...source, number, issuedOn }, language: input.language, size: input.paper }),
  });
}

export const createRenewalNotice = (ctx: ServiceContext, input: Input) => createRenewalPaper(ctx, 'notice', input);
export const createServiceEndNote = (ctx: ServiceContext, input: Input) => createRenewalPaper(ctx, 'endNote', input);
