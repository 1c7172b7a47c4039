import type { TFunction } from 'i18next';
import type { Language } from '../i18n/languages';
import type { warranty } from '../i18n/zh-CN/warranty';

/**
 * One line a person reads: a full catalog key (under `warranty.`) and its parameters, so the
 * same evaluation prints in either language. Dates are ISO text; numbers are plain numbers.
 */
export interface Explanation {
  key: string;
  params?: Record<string, string | number>;
}

type Plain<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;
type Paths<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Plain<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key the engine may emit, taken from the zh-CN catalog, so a typo fails to compile. */
export type WarrantyKey = Paths<typeof warranty, 'warranty.'>;

export function say(key: WarrantyKey, params?: Record<string, string | number>): Explanation {
  return params ? { key, params } : { key };
}

/**
 * Names that come from bilingual data (a holiday in the calendar) travel as `holiday` (Chinese)
 * and `holidayEn`; the catalogs use `{{holiday}}` in both languages and this picks the right one.
 */
export function explanationParams(e: Explanation, lang: Language): Record<string, string | number> {
  const params = { ...e.params };
  if (lang === 'en') {
    for (const [name, value] of Object.entries(params)) {
      if (name.endsWith('En')) params[name.slice(0, -2)] = value;
    }
  }
  return params;
}

/** The sentence for one explanation, with a translator bound to `lang` (see `translator`). */
export function explanationText(t: TFunction, lang: Language, e: Explanation): string {
  return t(e.key, explanationParams(e, lang));
}
