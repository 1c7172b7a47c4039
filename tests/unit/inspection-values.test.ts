import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../shared/domain/checklist';
import { inspectionErrors, itemNeedsRepair, readReading, recordInput, type InspectionValues, type ItemValues } from '../../renderer/src/features/maintenance/inspection-values';

/* The inspection grid's own rules: how a typed reading reads, what is sent, and where a refusal goes back. */

const pressure: ChecklistItem = { key: 'pressure', text: '冷媒低压压力', textEn: null, standard: '0.8–1.2 MPa', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection'] };
const filter: ChecklistItem = { key: 'filter', text: '清洗过滤网', textEn: null, standard: '无积尘', answer: 'check', unit: null, min: null, max: null, kinds: ['inspection'] };
const noise: ChecklistItem = { key: 'noise', text: '运行噪声', textEn: null, standard: '无异响', answer: 'text', unit: null, min: null, max: null, kinds: ['inspection'] };
const ITEMS = [filter, pressure, noise];
const t = ((key: string) => key) as never;

const blank = (key: string): ItemValues => ({ key, answer: null, reading: '', text: '', remark: '' });
function values(items: ItemValues[]): InspectionValues {
  return { date: '2026-12-01', arrived: '', left: '', technicianId: '', fixedOnSpot: '', advice: '', feedback: '', signedBy: '', units: [{ unitId: 7, items }] };
}

describe('a typed reading', () => {
  it.each([
    ['', { state: 'empty' }],
    ['1.0', { state: 'ok', value: 1 }],
    [' 1.6 ', { state: 'high', value: 1.6 }],
    ['０.５', { state: 'low', value: 0.5 }],
    ['.9', { state: 'ok', value: 0.9 }],
    ['abc', { state: 'notNumber' }],
    ['1,2', { state: 'notNumber' }],
    ['1.2.3', { state: 'notNumber' }],
  ])('%j reads as %j', (typed, read) => {
    expect(readReading(typed, pressure)).toEqual(read);
  });

  it('out of range or a fault calls for a repair; a blank or a good reading does not', () => {
    expect(itemNeedsRepair(pressure, { ...blank('pressure'), reading: '1.6' })).toBe(true);
    expect(itemNeedsRepair(pressure, { ...blank('pressure'), reading: '1.0' })).toBe(false);
    expect(itemNeedsRepair(pressure, blank('pressure'))).toBe(false);
    expect(itemNeedsRepair(filter, { ...blank('filter'), answer: 'fault' })).toBe(true);
    expect(itemNeedsRepair(filter, { ...blank('filter'), answer: 'adjusted' })).toBe(false);
  });
});

describe('what is sent', () => {
  it('leaves out unanswered items and maps a refusal back to its row', () => {
    const { input, formPath } = recordInput(3, values([blank('filter'), { ...blank('pressure'), reading: '1.6', remark: ' 偏高 ' }, { ...blank('noise'), text: '平稳' }]), () => ITEMS, false);
    expect(input.units[0]!.items).toEqual([
      { key: 'pressure', answer: null, reading: 1.6, text: null, remark: '偏高' },
      { key: 'noise', answer: null, reading: null, text: '平稳', remark: null },
    ]);
    expect(input).toMatchObject({ id: 3, arrivedAt: null, leftAt: null, technicianId: null, finish: false });
    expect(formPath('units.0.items.0.reading')).toBe('units.0.items.1.reading');
    expect(formPath('units.0.items.1.key')).toBe('units.0.items.2.key');
    expect(formPath('leftAt')).toBe('left');
  });

  it('reads the times on the visit day, typed as the desk types them', () => {
    const { input } = recordInput(3, { ...values([]), arrived: '930', left: '11:05' }, () => ITEMS, true);
    expect(input.arrivedAt).toBe(new Date(2026, 11, 1, 9, 30).getTime());
    expect(input.leftAt).toBe(new Date(2026, 11, 1, 11, 5).getTime());
    expect(input.finish).toBe(true);
  });
});

describe('refused before sending', () => {
  it('a reading that is not a number, a time that does not read, departure before arrival', () => {
    expect(inspectionErrors(t, values([blank('filter'), { ...blank('pressure'), reading: 'abc' }, blank('noise')]), () => ITEMS)).toEqual({ 'units.0.items.1.reading': 'maintenance.errors.readingNotNumber' });
    expect(inspectionErrors(t, { ...values([]), arrived: '25:00' }, () => ITEMS)).toEqual({ arrived: 'validation.time' });
    expect(inspectionErrors(t, { ...values([]), arrived: '10:00', left: '09:00' }, () => ITEMS)).toEqual({ left: 'maintenance.errors.leftBeforeArrived' });
    expect(inspectionErrors(t, { ...values([]), date: '2026-13-40', arrived: '10:00' }, () => ITEMS)).toEqual({ date: 'validation.date' });
  });
});
