/**
 * Desks type dates the way they read them: 2026/3/1, 2026.3.1, the written Chinese form and 20260301 all
 * mean 2026-03-01. Anything else is left as typed, for the schema to refuse with its message.
 */
export function tidyDate(typed: string): string {
  const s = typed.trim();
  // \u5e74 \u6708 \u65e5 are the year, month and day characters of a Chinese written date.
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[-/.\u5e74](\d{1,2})[-/.\u6708](\d{1,2})\u65e5?$/.exec(s);
  if (!match) return s;
  const [, y = '', m = '', d = ''] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** "9" → 09:00, "930" → 09:30, "9:5" stays for the schema to refuse; the desk types times fast. */
export function tidyTime(typed: string): string {
  const s = typed.trim().replace('\uff1a', ':');
  const short = /^(\d{1,2})$/.exec(s);
  if (short) return `${short[1]!.padStart(2, '0')}:00`;
  const packed = /^(\d{1,2})(\d{2})$/.exec(s);
  if (packed) return `${packed[1]!.padStart(2, '0')}:${packed[2]}`;
  const colon = /^(\d{1,2})[:.](\d{2})$/.exec(s);
  if (colon) return `${colon[1]!.padStart(2, '0')}:${colon[2]}`;
  return s;
}
