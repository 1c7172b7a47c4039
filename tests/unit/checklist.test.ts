import { describe, expect, it } from 'vitest';
import { itemsFor, needsRepair, rangeText, readingState, type ChecklistItem } from '../../shared/domain/checklist';
import { CHECKLIST_PRESETS } from '../../shared/domain/checklist-presets';
import { checklistItemInput } from '../../shared/schemas/checklist';

const pressure = CHECKLIST_PRESETS.splitAircon.items.find((i) => i.key === 'pressure')!;

describe('a checklist item', () => {
  it('says where a reading stands against its range, either end open', () => {
    expect([0.79, 0.8, 1.2, 1.21].map((v) => readingState(pressure, v))).toEqual(['low', 'ok', 'ok', 'high']);
    const atMost = { min: null, max: 16 };
    expect([readingState(atMost, -5), readingState(atMost, 16.5)]).toEqual(['ok', 'high']);
    expect([rangeText(pressure), rangeText({ min: 2, max: null, unit: 'MΩ' }), rangeText({ min: null, max: 16, unit: '℃' })]).toEqual(['0.8–1.2 MPa', '≥ 2 MΩ', '≤ 16 ℃']);
  });

  it('needs a repair when it is a fault or a reading out of range, not when adjusted on the spot', () => {
    const check = CHECKLIST_PRESETS.splitAircon.items.find((i) => i.key === 'filter')!;
    const r = (over: Partial<{ answer: 'ok' | 'adjusted' | 'fault' | 'na' | null; reading: number | null }>) => ({ key: 'x', answer: null, reading: null, text: null, ...over });
    expect(needsRepair(check, r({ answer: 'adjusted' }))).toBe(false);
    expect(needsRepair(check, r({ answer: 'fault' }))).toBe(true);
    expect(needsRepair(pressure, r({ reading: 0.55 }))).toBe(true);
    expect(needsRepair(pressure, r({ reading: 1.0 }))).toBe(false);
  });

  it('a quarterly inspection asks fewer items than the yearly maintenance', () => {
    const items = CHECKLIST_PRESETS.splitAircon.items;
    expect(itemsFor(items, 'inspection').length).toBeLessThan(itemsFor(items, 'maintenance').length);
    expect(itemsFor(items, 'inspection').map((i) => i.key)).not.toContain('insulation');
  });
});

describe('the ready checklists', () => {
  it.each(Object.entries(CHECKLIST_PRESETS))('%s is a valid checklist of unique items, every reading with a unit and a range', (_id, preset) => {
    expect(preset.items.length).toBeGreaterThanOrEqual(6);
    expect(new Set(preset.items.map((i) => i.key)).size).toBe(preset.items.length);
    for (const i of preset.items as ChecklistItem[]) {
      expect(checklistItemInput.safeParse(i).success, i.key).toBe(true);
      if (i.answer === 'reading') expect([i.unit !== null, i.min !== null || i.max !== null], i.key).toEqual([true, true]);
    }
  });
});
