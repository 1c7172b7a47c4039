import { localDay, localTime } from './domain/dates';
import type { Language } from './i18n/languages';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Dates print as 2026-03-20 in Chinese (the form the trade writes) and as 20 Mar 2026 in
 * English: spelled out by hand, since ICU versions disagree on "Sep" and "Sept".
 */
export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  if (lang === 'zh-CN') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_EN[(m ?? 1) - 1]} ${y}`;
}

/** A moment (UTC epoch ms) in the desk's local time, 24 h. */
export function formatDateTime(ms: number, lang: Language): string {
  return `${formatDate(localDay(ms), lang)} ${localTime(ms)}`;
}

/** Money is kept in integer fen and shown as ¥1,280.00. */
export function formatMoney(fen: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  }).format(fen / 100);
}

/** Numbers read back in groups: mobiles 138 1234 5678, service lines 400-800-1234; others as stored. */
export function formatPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^[48]00\d{7}$/.test(phone)) return `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`;
  return phone;
}
