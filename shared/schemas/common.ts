import { z } from 'zod';
import { isIsoDate, isoDateParts, todayIso } from '../domain/dates';

export const id = z.number({ error: 'validation.invalidType' }).int().positive().max(Number.MAX_SAFE_INTEGER);

/** Trimmed text; empty is refused with "required". */
export const requiredText = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max);

/** One of a fixed list, where a choice left empty (a select never opened) says "required", not "invalid". */
export const requiredChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? 'validation.required' : undefined) });

/** Trimmed text where empty means "not given" (stored as null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Why a typed day is not one: written the wrong way (a format error), or written right but not
 * in the calendar (2026-02-30, 2026-13-01), which says what the month holds instead.
 */
function dateIssue(value: string): { key: string; params?: Record<string, string | number> } | null {
  if (isIsoDate(value)) return null;
  const parts = isoDateParts(value);
  if (!parts) return { key: 'validation.date' };
  const [year, month] = parts;
  if (month < 1 || month > 12) return { key: 'validation.dateNoSuchMonth', params: { date: value } };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { key: 'validation.dateNoSuchDay', params: { date: value, month, days } };
}

export const isoDate = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const issue = dateIssue(value);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.key, params: issue.params });
  });

/** Only a real day is compared with today: a date that is not one gets that one message, not two. */
export const pastOrTodayDate = isoDate.refine((d) => !isIsoDate(d) || d <= todayIso(), { error: 'validation.dateInFuture' });

export const optionalPastOrTodayDate = z
  .union([pastOrTodayDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

/**
 * Chinese phone numbers: an 11-digit mobile (1xx xxxx xxxx), a landline with its area code
 * (0571-88886666, extension after a dash) or a 400/800 service number. Spaces, dashes and
 * brackets typed for readability are dropped, except the area-code and extension dashes.
 */
export function normalizePhone(raw: string): string {
  const s = raw.trim().replace(/[\s()（）]/g, '');
  const digits = s.replace(/-/g, '');
  if (/^1\d{10}$/.test(digits) || /^[48]00\d{7}$/.test(digits)) return digits;
  return s;
}

export const phone = z
  .string()
  .transform(normalizePhone)
  .pipe(
    z
      .string()
      .min(1, { error: 'validation.required' })
      .refine((p) => /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(p) || /^[48]00\d{7}$/.test(p), {
        error: 'validation.phone',
      }),
  );

export const searchQuery = z.string().max(100).default('');
export const listLimit = z.number().int().min(1).max(500).default(50);

/** Zero-width spaces and joiners, byte-order marks, soft hyphens, direction marks: all invisible. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Hyphens and dashes of every width (the non-breaking hyphen U+2011 among them) and the minus sign. */
const DASHES = /[\p{Pd}\u2212\u2043\u02D7]/gu;

/**
 * Text as a keyboard's ASCII keys would type it, where Unicode has look-alikes: full-width
 * letters and digits become plain ones (NFKC), invisible format characters go, and every dash
 * becomes '-'. Text pasted from Word, a PDF or a chat window carries them unseen.
 */
export function plainCharacters(text: string): string {
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(DASHES, '-');
}
