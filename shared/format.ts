import type { Language } from './i18n/languages';

/** Dates print as 2026-03-20 in Chinese (the form the trade writes) and per locale in English. */
export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  if (lang === 'zh-CN') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A moment (UTC epoch ms) in the desk's local time, 24 h. */
export function formatDateTime(ms: number, lang: Language): string {
  const date = new Date(ms);
  if (lang === 'zh-CN') {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(date);
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
