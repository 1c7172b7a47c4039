import type { VisitKind } from './visit-plan';

/*
 * Inspection checklists: per product model or category, items with the standard to meet and the
 * kind of answer, each for the visit kinds it applies to. Pure: what a reading means, which
 * items a visit asks, which answers need a repair.
 */

/** How an item is answered: ticked (OK / adjusted / fault / not applicable), a reading, or words. */
export const ITEM_ANSWERS = ['check', 'reading', 'text'] as const;
export type ItemAnswerKind = (typeof ITEM_ANSWERS)[number];
export const CHECK_ANSWERS = ['ok', 'adjusted', 'fault', 'na'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];

export interface ChecklistItem {
  /** Stable within a checklist across its versions: results are kept against it. */
  key: string;
  text: string;
  /** The item in English, for the English form; the Chinese text when absent. */
  textEn: string | null;
  /** The standard to meet, as the maintenance instructions state it. */
  standard: string;
  answer: ItemAnswerKind;
  /** For a reading: its unit and the range it must fall in (either end may be open). */
  unit: string | null;
  min: number | null;
  max: number | null;
  /** The visit kinds that ask it (a yearly maintenance asks more than a quarterly inspection). */
  kinds: VisitKind[];
}

/** The items a visit of `kind` asks, in the checklist's order. */
export function itemsFor(items: readonly ChecklistItem[], kind: VisitKind): ChecklistItem[] {
  return items.filter((item) => item.kinds.includes(kind));
}

export type ReadingState = 'ok' | 'low' | 'high';

/** Where a reading stands against the item's range. */
export function readingState(item: Pick<ChecklistItem, 'min' | 'max'>, value: number): ReadingState {
  if (item.min !== null && value < item.min) return 'low';
  if (item.max !== null && value > item.max) return 'high';
  return 'ok';
}

/** The range as printed: "0.8–1.2 MPa", "≥ 30 MΩ", "≤ 45 ℃". */
export function rangeText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min !== null && item.max !== null) return `${item.min}–${item.max}${unit}`;
  if (item.min !== null) return `≥ ${item.min}${unit}`;
  if (item.max !== null) return `≤ ${item.max}${unit}`;
  return item.unit ?? '';
}

export interface ItemResult {
  key: string;
  answer: CheckAnswer | null;
  reading: number | null;
  text: string | null;
}

/** A result the desk should act on: a fault, or a reading out of its range. */
export function needsRepair(item: ChecklistItem, result: ItemResult): boolean {
  if (result.answer === 'fault') return true;
  return item.answer === 'reading' && result.reading !== null && readingState(item, result.reading) !== 'ok';
}
