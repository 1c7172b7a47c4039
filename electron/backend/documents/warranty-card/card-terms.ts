import {
  hasServiceContact,
  intervalWording,
  isRoundTheClock,
  returnSlipDeadline,
  SCHEDULED_KINDS,
  servicePromises,
  type RegionPromise,
} from '../../../../shared/domain/service-promises';
import type { Duration } from '../../../../shared/domain/sla';
import { DAY_KINDS, type DutyHours } from '../../../../shared/domain/duty-hours';
import { DEFAULT_WARRANTY_RULES, EXCLUSION_REASONS } from '../../../../shared/domain/warranty-engine';
import { formatPhone } from '../../../../shared/format';
import type { Content } from '../kit/definition';
import { fieldTable, type Field } from '../kit/forms';
import { bulletList, keptSection, numberedList } from '../kit/layout';
import type { CardCtx, WarrantyCardData } from './card-data';

/** What the promises need: the company's settings and the service level, not a unit (the manual prints them too). */
export type PromisesCtx = Pick<CardCtx, 't' | 'k' | 'setup'> & { data: Pick<WarrantyCardData, 'settings' | 'serviceLevel'> };

/*
 * The card's terms: what the company promises (from its service level and settings), the 三包
 * and warranty rules (from its warranty rules), how to claim, and what is not covered. Every
 * number comes from the company's settings; a promise the company has not made is not printed.
 */

/** "2 h", "1 working day": the catalog's words for a duration. */
function within({ t }: PromisesCtx, d: Duration): string {
  return t(`ticketing.duration.${d.unit}`, { count: d.amount });
}

/** One promise per group of regions ("市区 2 小时、郊县 12 小时"), or just the duration when it holds everywhere. */
function regional(c: PromisesCtx, groups: RegionPromise[]): string {
  const { k } = c;
  if (groups.length === 1) return within(c, groups[0]!.duration);
  return groups
    .map((g) => k('promises.regionGroup', { regions: g.regions.map((r) => k(`promises.region.${r}`)).join(k('promises.regionsJoin')), duration: within(c, g.duration) }))
    .join(k('promises.groupsJoin'));
}

function hotlineHours({ k, data }: PromisesCtx): string {
  const h = data.settings.hotlineHours;
  if (isRoundTheClock(h)) return k('promises.hours.roundTheClock');
  return k(`promises.hours.${h.days}`, { from: h.from, to: h.to });
}

/** Who answers for the warranty, as a grid of what the company has named; null when it has named no one. */
function contactGrid({ k, setup, data }: PromisesCtx): Content | null {
  const contact = data.settings.serviceContact;
  if (!hasServiceContact(contact)) return null;
  const fields: Field[] = [];
  if (contact.department) fields.push({ label: k('promises.contact.department'), value: contact.department, bold: true });
  if (contact.person) fields.push({ label: k('promises.contact.person'), value: contact.person, bold: true });
  if (contact.phone) fields.push({ label: k('promises.contact.phone'), value: formatPhone(contact.phone), bold: true, code: true });
  // Three label/value pairs to a row are too many for A5's width: two there.
  return { stack: [fieldTable(fields, setup.paper === 'A4' ? 3 : 2)], margin: [0, setup.gap / 3, 0, 0] };
}

/** The scheduled service the company states, as one line; null when it states none. */
function scheduledLine({ k, data }: PromisesCtx): string | null {
  const scheduled = data.settings.scheduledService;
  const items = SCHEDULED_KINDS.flatMap((kind) => {
    const interval = scheduled[kind];
    if (!interval) return [];
    const { key, count } = intervalWording(interval);
    return [k(`promises.scheduled.${kind}`, { every: k(`promises.every.${key}`, { count }) })];
  });
  return items.length > 0 ? k('promises.scheduled.line', { list: items.join(k('promises.scheduled.join')) }) : null;
}

/** The duty hours in words: "every day 08:00–24:00", or per kind of day with "closed". */
function dutyWording({ t }: PromisesCtx, hours: DutyHours): string {
  const day = (k: (typeof DAY_KINDS)[number]) =>
    hours[k].closed ? t('hours.level.closedShort') : hours[k].spans.map((x) => `${x.from}–${x.to}`).join(t('app.common.listSeparator'));
  const words = DAY_KINDS.map(day);
  if (words.every((w) => w === words[0])) return t('hours.card.everyDay', { spans: words[0] });
  return t('hours.card.days', Object.fromEntries(DAY_KINDS.map((k, i) => [k, words[i]])));
}

/**
 * A level with duty hours: the lines above are its promises in duty hours; this one says when
 * those are and what holds outside them. Null for a level without duty hours (as before).
 */
function outsideLine(c: PromisesCtx): string | null {
  const terms = c.data.serviceLevel;
  if (!terms?.duty) return null;
  const p = servicePromises({ ...terms, targets: terms.duty.outside });
  return c.t('hours.card.outside', {
    hours: dutyWording(c, terms.duty.hours),
    answer: regional(c, p.answer),
    arrival: regional(c, p.arrival),
    ordinary: regional(c, p.fixOrdinary),
    major: regional(c, p.fixMajor),
  });
}

/**
 * The service promises: the hotline and its hours, the service level's answer, arrival, fix and
 * loaner, lifetime maintenance, scheduled service, and who answers for the warranty.
 */
export function promisesSection(c: PromisesCtx): Content {
  const { k, data } = c;
  const { settings } = data;
  const lines = [k('promises.hotline', { hotline: formatPhone(settings.hotline), hours: hotlineHours(c) })];
  if (data.serviceLevel) {
    const p = servicePromises(data.serviceLevel);
    lines.push(
      k('promises.answer', { within: regional(c, p.answer) }),
      k('promises.arrival', { within: regional(c, p.arrival) }),
      k('promises.fix', { ordinary: regional(c, p.fixOrdinary), major: regional(c, p.fixMajor) }),
      k('promises.loaner', { within: within(c, p.loaner) }),
    );
    const outside = outsideLine(c);
    if (outside) lines.push(outside);
  }
  if (settings.service.lifetimeMaintenance) lines.push(k('promises.lifetime'));
  const scheduled = scheduledLine(c);
  if (scheduled) lines.push(scheduled);
  const contact = contactGrid(c);
  return keptSection(k('promises.heading'), bulletList(lines), ...(contact ? [contact] : []));
}

/** The 三包 rules and the warranty's own rules (part cover, downtime extension), from the company's warranty rules. */
export function rulesSection({ k, t, data }: CardCtx): Content {
  // Older saved settings fall back to the defaults, as the engine does.
  const rules = data.settings.warrantyRules ?? DEFAULT_WARRANTY_RULES;
  const lines: string[] = [];
  if (rules.refundDays > 0) lines.push(k('rules.refund', { count: rules.refundDays }));
  if (rules.exchangeDays > rules.refundDays) lines.push(k('rules.exchange', { count: rules.exchangeDays }));
  lines.push(
    k('rules.repeat', { count: rules.repeatRepairsBeforeReplacement }),
    k('rules.unrepaired', { count: rules.unrepairedReplacementDays }),
    k('rules.parts', { free: t('months', { count: rules.partInWarrantyMonths }), paid: t('months', { count: rules.partPaidMonths }) }),
  );
  if (rules.downtimeExtensionDays > 0) lines.push(k('rules.downtime', { count: rules.downtimeExtensionDays }));
  return keptSection(k('rules.heading'), bulletList(lines));
}

/** Where and by when the return slip goes back: the deadline phrase and the recipient. */
export interface SlipReturn {
  /** The last day to post it, or null without a purchase date (then `months` of purchase). */
  due: string | null;
  months: number;
  /** Company, department and person, as addressed on the envelope. */
  recipient: string;
  /** The settings' return address, else the company's; null: handed in, not posted. */
  address: string | null;
}

export function slipReturn({ t, data }: Pick<CardCtx, 't' | 'data'>): SlipReturn {
  const { settings, unit } = data;
  const { department, person } = settings.serviceContact;
  const recipient = [settings.companyName, department].filter(Boolean).join(' ') + (person ? t('print.returnSlip.attn', { name: person }) : '');
  return {
    due: returnSlipDeadline(unit.purchaseDate, settings.returnSlip.months),
    months: settings.returnSlip.months,
    recipient,
    address: settings.returnSlip.address ?? settings.address,
  };
}

/** How to claim, with the return slip's deadline; `slipBelow`: in the band at the foot of page 2 (A4), else alone on the last page. */
export function claimSection(c: CardCtx, slipBelow: boolean): Content {
  const { k, date, data } = c;
  const { settings, number } = data;
  const back = slipReturn(c);
  const claim = [
    k('claim.call', { hotline: formatPhone(settings.hotline), number }),
    k('claim.keep'),
    k('claim.check'),
    k('claim.returnSlip', {
      where: slipBelow ? k('claim.slipBelow') : k('claim.slipLastPage'),
      deadline: back.due ? k('claim.dueDate', { date: date(back.due) }) : k('claim.dueMonths', { count: back.months }),
    }),
  ];
  if (settings.complaintLine) claim.push(k('claim.complaint', { complaintLine: formatPhone(settings.complaintLine) }));
  return keptSection(k('claim.heading'), numberedList(claim));
}

/** What the warranty does not cover, in `columns` columns. */
export function notCoveredSection({ t, k }: CardCtx, columns: 1 | 2): Content {
  const notCovered = [...EXCLUSION_REASONS.map((r) => t(`exclusionReason.${r}`)), k('notCovered.expired')];
  return keptSection(k('notCovered.heading'), bulletList(notCovered, columns));
}
