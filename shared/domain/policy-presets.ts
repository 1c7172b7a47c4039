import type { StartBasis } from './warranty-types';

/**
 * Warranty policies ready for the seeds' trades, so a new desk can register its first unit at
 * once. Terms from ../shared/DOMAIN.md and the seeds: household units from purchase, installed
 * systems from acceptance (工程质保期自验收合格之日起); whole unit one year for retail, two years
 * for installed systems; main parts three years; accessories six months (a year on projects);
 * casing, switches and cables six months. Names come from the catalogs (setup.presets) in the
 * language the company works in; every policy can be edited afterwards.
 */
export const POLICY_PRESETS = [
  {
    id: 'householdAircon',
    basis: 'purchase',
    components: [
      { key: 'whole', months: 12 },
      { key: 'mainParts', months: 36 },
      { key: 'accessories', months: 6 },
    ],
  },
  {
    id: 'commercialAircon',
    basis: 'acceptance',
    components: [
      { key: 'whole', months: 24 },
      { key: 'mainParts', months: 36 },
      { key: 'accessories', months: 12 },
    ],
  },
  {
    id: 'projector',
    basis: 'purchase',
    components: [
      { key: 'whole', months: 12 },
      { key: 'accessories', months: 6 },
    ],
  },
  {
    id: 'elevator',
    basis: 'acceptance',
    components: [{ key: 'whole', months: 24 }],
  },
  {
    id: 'security',
    basis: 'acceptance',
    components: [
      { key: 'whole', months: 24 },
      { key: 'accessories', months: 12 },
    ],
  },
  {
    id: 'network',
    basis: 'purchase',
    components: [
      { key: 'whole', months: 12 },
      { key: 'mainParts', months: 36 },
      { key: 'casing', months: 6 },
    ],
  },
] as const satisfies readonly { id: string; basis: StartBasis; components: readonly { key: string; months: number }[] }[];

export type PresetId = (typeof POLICY_PRESETS)[number]['id'];
export const PRESET_IDS = POLICY_PRESETS.map((p) => p.id) as [PresetId, ...PresetId[]];

/**
 * A component's code from its name: the same name gives the same code in every policy, so a
 * part marked "压缩机" counts against the compressor of whichever policy a unit has. The clerk
 * names components; codes are never typed. (FNV-1a over the folded name, in base 36.)
 */
export function componentKeyFor(name: string): string {
  const folded = name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  let hash = 0x811c9dc5;
  for (const ch of folded) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `c${hash.toString(36)}`;
}
