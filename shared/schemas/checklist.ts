import { z } from 'zod';
import { CHECK_ANSWERS, ITEM_ANSWERS, type ChecklistItem, type CheckAnswer, type ReadingState } from '../domain/checklist';
import { VISIT_KINDS, type VisitKind } from '../domain/visit-plan';
import { id, optionalText, requiredText } from './common';

/* Inspection checklists and what a visit records against them. */

const reading = z.number({ error: 'maintenance.errors.readingNotNumber' }).finite({ error: 'maintenance.errors.readingNotNumber' });

export const checklistItemInput = z
  .strictObject({
    key: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, { error: 'maintenance.errors.itemKey' }),
    text: requiredText(200),
    textEn: optionalText(200),
    standard: requiredText(300),
    answer: z.enum(ITEM_ANSWERS),
    unit: optionalText(20),
    min: reading.nullish().transform((v) => v ?? null),
    max: reading.nullish().transform((v) => v ?? null),
    kinds: z.array(z.enum(VISIT_KINDS)).min(1, { error: 'maintenance.errors.itemKinds' }),
  })
  .refine((i) => i.min === null || i.max === null || i.min <= i.max, { error: 'maintenance.errors.rangeReversed', path: ['max'] });

const checklistFields = {
  name: requiredText(60),
  /** For one product model; else for every model of `category`. */
  modelId: id.nullish().transform((v) => v ?? null),
  category: optionalText(30),
  items: z
    .array(checklistItemInput)
    .min(1, { error: 'maintenance.errors.noItems' })
    .max(80)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'maintenance.errors.itemKeyTwice' });
        seen.add(item.key);
      });
    }),
};
const forSomething = { error: 'maintenance.errors.checklistFor', path: ['category'] };
export const checklistCreateInput = z.strictObject(checklistFields).refine((c) => c.modelId !== null || c.category !== null, forSomething);
export const checklistUpdateInput = z.strictObject({ id, ...checklistFields }).refine((c) => c.modelId !== null || c.category !== null, forSomething);
export const checklistIdInput = z.strictObject({ id });

export interface Checklist {
  id: number;
  name: string;
  modelId: number | null;
  modelLabel: string | null;
  category: string | null;
  /** The current version: the one a new visit uses. */
  version: number;
  versionId: number;
  items: ChecklistItem[];
  /** Finished visits recorded against any of its versions. */
  usedBy: number;
}

const itemResult = z.strictObject({
  key: z.string().max(40),
  answer: z.enum(CHECK_ANSWERS).nullish().transform((v) => v ?? null),
  reading: reading.nullish().transform((v) => v ?? null),
  text: optionalText(500),
  remark: optionalText(200),
});

/** What a visit found and did; `finish` closes it as done. */
export const visitRecordInput = z.strictObject({
  id,
  arrivedAt: z.number().int().positive().nullish().transform((v) => v ?? null),
  leftAt: z.number().int().positive().nullish().transform((v) => v ?? null),
  technicianId: id.nullish().transform((v) => v ?? null),
  units: z.array(z.strictObject({ unitId: id, items: z.array(itemResult).max(80) })).max(500),
  fixedOnSpot: optionalText(1000),
  advice: optionalText(1000),
  feedback: optionalText(1000),
  signedBy: optionalText(50),
  finish: z.boolean().default(false),
});
export const visitFindingInput = z.strictObject({ id, unitId: id, key: z.string().max(40) });

export interface ItemFinding {
  key: string;
  answer: CheckAnswer | null;
  reading: number | null;
  readingState: ReadingState | null;
  text: string | null;
  remark: string | null;
  needsRepair: boolean;
  ticketId: number | null;
  ticketNumber: string | null;
}

/** A visit's inspection: per unit the checklist version it uses (or null: no checklist for it) and what was found. */
export interface VisitInspection {
  visitId: number;
  kind: VisitKind;
  arrivedAt: number | null;
  leftAt: number | null;
  fixedOnSpot: string | null;
  advice: string | null;
  feedback: string | null;
  signedBy: string | null;
  units: {
    unitId: number;
    label: string;
    serial: string;
    checklist: { id: number; name: string; version: number; versionId: number; items: ChecklistItem[] } | null;
    findings: ItemFinding[];
  }[];
}
