import type { TFunction } from 'i18next';
import { needsRepair, readingState, type CheckAnswer, type ChecklistItem, type ReadingState } from '../../../../shared/domain/checklist';
import { isIsoDate, localDay, localMoment, localTime, todayIso } from '../../../../shared/domain/dates';
import type { VisitInspection } from '../../../../shared/schemas/checklist';
import { clockTime } from '../../../../shared/schemas/ticket';
import type { Visit } from '../../../../shared/schemas/maintenance';
import { tidyDate, tidyTime } from '../../lib/dates';

/*
 * The inspection grid's values as typed (readings and times are text until saved), how a typed
 * reading reads against its range, and what is sent to visits:record.
 */

export interface ItemValues {
  key: string;
  answer: CheckAnswer | null;
  reading: string;
  text: string;
  remark: string;
}

export interface InspectionValues {
  /** The day of the visit, and the arrival and departure times on it (24 h, as typed). */
  date: string;
  arrived: string;
  left: string;
  technicianId: string;
  fixedOnSpot: string;
  advice: string;
  feedback: string;
  signedBy: string;
  /** Only the units that have a checklist: the rest cannot be recorded. */
  units: { unitId: number; items: ItemValues[] }[];
}

export function initialValues(inspection: VisitInspection, visit: Visit, today = todayIso()): InspectionValues {
  const day = inspection.arrivedAt !== null ? localDay(inspection.arrivedAt) : visit.dueOn < today ? visit.dueOn : today;
  return {
    date: day,
    arrived: inspection.arrivedAt !== null ? localTime(inspection.arrivedAt) : '',
    left: inspection.leftAt !== null ? localTime(inspection.leftAt) : '',
    technicianId: visit.technicianId === null ? '' : String(visit.technicianId),
    fixedOnSpot: inspection.fixedOnSpot ?? '',
    advice: inspection.advice ?? '',
    feedback: inspection.feedback ?? '',
    signedBy: inspection.signedBy ?? '',
    units: inspection.units.flatMap((u) =>
      u.checklist
        ? [
            {
              unitId: u.unitId,
              items: u.checklist.items.map((item) => {
                const f = u.findings.find((x) => x.key === item.key);
                return { key: item.key, answer: f?.answer ?? null, reading: f?.reading === null || f?.reading === undefined ? '' : String(f.reading), text: f?.text ?? '', remark: f?.remark ?? '' };
              }),
            },
          ]
        : [],
    ),
  };
}

export type ReadingCheck = { state: 'empty' } | { state: 'notNumber' } | { state: ReadingState; value: number };

/** A reading as typed: full-width digits and spaces forgiven, anything else not a number. */
export function readReading(typed: string, item: Pick<ChecklistItem, 'min' | 'max'>): ReadingCheck {
  const s = typed.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return { state: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return { state: 'notNumber' };
  const value = Number(s);
  return { state: readingState(item, value), value };
}

/** Whether what is typed now calls for a repair: a fault, or a reading out of its range. */
export function itemNeedsRepair(item: ChecklistItem, v: ItemValues): boolean {
  const r = readReading(v.reading, item);
  return needsRepair(item, { key: item.key, answer: v.answer, reading: 'value' in r ? r.value : null, text: null });
}

const clean = (s: string) => (s.trim() === '' ? null : s.trim());

function moment(date: string, time: string): number | null {
  return time.trim() === '' ? null : localMoment(tidyDate(date), tidyTime(time));
}

/** The refusals the backend would make, said under their fields before anything is sent. */
export function inspectionErrors(t: TFunction, values: InspectionValues, items: (unitIndex: number) => ChecklistItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const anyTime = values.arrived.trim() !== '' || values.left.trim() !== '';
  if (anyTime && !isIsoDate(tidyDate(values.date))) errors.date = t('validation.date');
  for (const name of ['arrived', 'left'] as const) {
    if (values[name].trim() !== '' && !clockTime.safeParse(tidyTime(values[name])).success) errors[name] = t('validation.time');
  }
  if (!errors.date && !errors.arrived && !errors.left) {
    const arrived = moment(values.date, values.arrived);
    const left = moment(values.date, values.left);
    if (arrived !== null && left !== null && left < arrived) errors.left = t('maintenance.errors.leftBeforeArrived');
    if ((arrived ?? 0) > Date.now()) errors.arrived = t('validation.momentInFuture');
    if ((left ?? 0) > Date.now()) errors.left = t('validation.momentInFuture');
  }
  values.units.forEach((unit, u) => {
    const list = items(u);
    unit.items.forEach((v, i) => {
      const item = list[i];
      if (item?.answer === 'reading' && readReading(v.reading, item).state === 'notNumber') errors[`units.${u}.items.${i}.reading`] = t('maintenance.errors.readingNotNumber');
    });
  });
  return errors;
}

/**
 * What visits:record takes, with the form path of each item sent: unanswered items are left out,
 * so a refusal's `units.0.items.2` is found again under the right row.
 */
export function recordInput(visitId: number, values: InspectionValues, items: (unitIndex: number) => ChecklistItem[], finish: boolean) {
  const paths = new Map<string, string>();
  const units = values.units.map((unit, u) => {
    const list = items(u);
    const sent = unit.items.flatMap((v, i) => {
      const item = list[i]!;
      const r = readReading(v.reading, item);
      const reading = item.answer === 'reading' && 'value' in r ? r.value : null;
      const empty = v.answer === null && reading === null && clean(v.text) === null && clean(v.remark) === null;
      return empty ? [] : [{ i, result: { key: v.key, answer: item.answer === 'check' ? v.answer : null, reading, text: item.answer === 'text' ? clean(v.text) : null, remark: clean(v.remark) } }];
    });
    sent.forEach((s, n) => paths.set(`units.${u}.items.${n}`, `units.${u}.items.${s.i}`));
    return { unitId: unit.unitId, items: sent.map((s) => s.result) };
  });
  const input = {
    id: visitId,
    arrivedAt: moment(values.date, values.arrived),
    leftAt: moment(values.date, values.left),
    technicianId: values.technicianId ? Number(values.technicianId) : null,
    units,
    fixedOnSpot: clean(values.fixedOnSpot),
    advice: clean(values.advice),
    feedback: clean(values.feedback),
    signedBy: clean(values.signedBy),
    finish,
  };
  /** The form's path for a path in the input (the backend's refusals name the input's). */
  const formPath = (path: string): string => {
    if (path === 'arrivedAt') return 'arrived';
    if (path === 'leftAt') return 'left';
    const m = /^(units\.\d+\.items\.\d+)(\..+)?$/.exec(path);
    return m ? `${paths.get(m[1]!) ?? m[1]}${m[2] ?? ''}` : path;
  };
  return { input, formPath };
}
