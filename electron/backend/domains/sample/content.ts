import type { PresetId } from '../../../../shared/domain/policy-presets';
import type { SAMPLE_MANUAL_CONTENT } from '../manuals/sample-content';

/*
 * What the sample set holds, apart from its words (in the catalogs, `sample.data`, so it reads in
 * the desk's language). Built to show every part of the desk on the first day: a household and
 * an organisation, two customers sharing a home landline, a long company name, units in and out
 * of warranty (one out for the whole unit but in for its main parts), one part at its reorder
 * level, and tickets at each stage the desk handles: new, scheduled for tomorrow, out with a
 * technician, back awaiting the callback, and closed; an open complaint on the desk.
 */

export const SAMPLE_PRESETS: readonly PresetId[] = ['householdAircon', 'commercialAircon', 'projector', 'security', 'network', 'elevator'];

export type SampleModelKey = 'gree' | 'midea' | 'epson' | 'hikvision' | 'huawei' | 'hitachi' | 'daikin';
/** A category the sample ships manual content for (its key in the catalogs' `sample.data.categories`). */
export type SampleCategory = keyof typeof SAMPLE_MANUAL_CONTENT;
export const SAMPLE_MODELS: Record<SampleModelKey, { model: string; category: SampleCategory; preset: PresetId }> = {
  gree: { model: 'KFR-35GW/(35592)FNhAa-B1', category: 'aircon', preset: 'householdAircon' },
  midea: { model: 'KFR-26GW/WDAA3', category: 'aircon', preset: 'householdAircon' },
  epson: { model: 'CB-X51', category: 'projector', preset: 'projector' },
  hikvision: { model: 'DS-7808N-R2', category: 'security', preset: 'security' },
  huawei: { model: 'S5735-L24T4S-A', category: 'network', preset: 'network' },
  hitachi: { model: 'MCA-1000-CO', category: 'elevator', preset: 'elevator' },
  daikin: { model: 'RXYQ16BAY', category: 'commercialAircon', preset: 'commercialAircon' },
};

export type SampleCustomerKey = 'zhang' | 'li' | 'school' | 'qiming' | 'hotel';
export const SAMPLE_CUSTOMERS: Record<SampleCustomerKey, { kind: 'person' | 'organisation'; region: 'urban' | 'suburban' | 'other'; phones: string[]; contactPhone?: string }> = {
  zhang: { kind: 'person', region: 'urban', phones: ['13812345678', '0571-88123456'] },
  li: { kind: 'person', region: 'urban', phones: ['13957112345', '0571-88123456'] },
  school: { kind: 'organisation', region: 'suburban', phones: ['0571-87654321'], contactPhone: '13900001111' },
  qiming: { kind: 'organisation', region: 'other', phones: ['0574-27889900'], contactPhone: '13605741234' },
  hotel: { kind: 'organisation', region: 'urban', phones: ['0571-87998888'], contactPhone: '13706661888' },
};

export type SampleUnitKey = 'zhangAircon' | 'liAircon' | 'schoolProjector1' | 'schoolProjector2' | 'qimingNvr' | 'qimingSwitch' | 'hotelElevator' | 'hotelVrv';
/** Dates as months before today: the warranty states they show stay the same whenever the set is loaded. */
export const SAMPLE_UNITS: Record<SampleUnitKey, { customer: SampleCustomerKey; model: SampleModelKey; serial: string; boughtMonthsAgo: number; acceptedMonthsAgo?: number }> = {
  zhangAircon: { customer: 'zhang', model: 'gree', serial: 'GL2026A0001', boughtMonthsAgo: 8 },
  liAircon: { customer: 'li', model: 'midea', serial: 'MD2023B7781', boughtMonthsAgo: 26 },
  schoolProjector1: { customer: 'school', model: 'epson', serial: 'X5HK2600123', boughtMonthsAgo: 15 },
  schoolProjector2: { customer: 'school', model: 'epson', serial: 'X5HK2600456', boughtMonthsAgo: 15 },
  qimingNvr: { customer: 'qiming', model: 'hikvision', serial: 'DS7808N20250611AACH', boughtMonthsAgo: 12, acceptedMonthsAgo: 11 },
  qimingSwitch: { customer: 'qiming', model: 'huawei', serial: '2102353AUB10P8000123', boughtMonthsAgo: 20 },
  hotelElevator: { customer: 'hotel', model: 'hitachi', serial: 'HT-E2025-0088', boughtMonthsAgo: 20, acceptedMonthsAgo: 18 },
  hotelVrv: { customer: 'hotel', model: 'daikin', serial: 'E001234', boughtMonthsAgo: 32, acceptedMonthsAgo: 30 },
};

export type SampleTechnicianKey = 'wang' | 'li' | 'chen';
export const SAMPLE_TECHNICIANS: Record<SampleTechnicianKey, { phone: string }> = {
  wang: { phone: '13800001001' },
  li: { phone: '13800001002' },
  chen: { phone: '13800001003' },
};

/** Part numbers of their own, so that they never meet a real one the desk keeps. */
export type SamplePartKey = 'remote' | 'lamp' | 'disk';
export const SAMPLE_PARTS: Record<SamplePartKey, { partNumber: string; fits: string; costFen: number; priceFen: number; quantity: number; reorderLevel: number }> = {
  remote: { partNumber: 'SP-YK-01', fits: 'KFR-35GW, KFR-26GW', costFen: 3500, priceFen: 8000, quantity: 10, reorderLevel: 3 },
  lamp: { partNumber: 'SP-LP-88', fits: 'CB-X51', costFen: 45000, priceFen: 68000, quantity: 2, reorderLevel: 2 },
  disk: { partNumber: 'SP-HD-4T', fits: 'DS-7808N-R2', costFen: 52000, priceFen: 75000, quantity: 4, reorderLevel: 1 },
};
