/**
 * The two service levels a new install starts with (migration 0070 inserts them under these
 * Chinese names, and a migration means the same thing forever). While a level still carries its
 * seeded name it is shown in the reader's language by this code; once the company renames it, or
 * for a level the company made, its own name is shown as typed.
 */
export const SEEDED_SERVICE_LEVELS = { standard: '标准服务', basic: '基础服务' } as const;
export type SeededServiceLevel = keyof typeof SEEDED_SERVICE_LEVELS;

export function seededServiceLevel(name: string): SeededServiceLevel | null {
  for (const [code, seeded] of Object.entries(SEEDED_SERVICE_LEVELS) as [SeededServiceLevel, string][]) {
    if (name === seeded) return code;
  }
  return null;
}

/** The name to show: the catalog's for a seeded level, the stored one otherwise. */
export function serviceLevelName(name: string, t: (key: string) => string): string {
  const code = seededServiceLevel(name);
  return code ? t(`service.levels.seeded.${code}`) : name;
}
