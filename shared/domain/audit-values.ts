/**
 * A logged value as the desk reads it: codes in words, money in yuan, moments in local time,
 * lists and settings laid out line by line with their names. Pure (the words are passed in), so
 * the node tests read values exactly as the screen shows them.
 */
import { formatDate, formatMoney, formatPhone } from '../format';
import type { Language } from '../i18n/languages';
import { formatMoment } from './audit-rows';
import { explanationParams } from './warranty-explain';

/** The catalog as this module needs it: does a key exist, and its text. */
export interface Words {
  lang: Language;
  has(key: string): boolean;
  t(key: string, params?: Record<string, unknown>): string;
}

export type ShownValue =
  | { kind: 'empty' }
  | { kind: 'masked' }
  | { kind: 'text'; text: string }
  /** A list or a group of settings: one line each. */
  | { kind: 'lines'; lines: string[] };

/**
 * Stored codes that already have words elsewhere in the catalog: `table.column` (or a bare
 * column, for every table) → the catalog branch naming each code.
 */
const VOCABULARY: Record<string, string> = {
  region: 'region',
  'customers.kind': 'customerKind',
  'units.status': 'unitStatus',
  'unit_status_history.status': 'unitStatus',
  'tickets.status': 'ticketing.status',
  'ticket_events.from_status': 'ticketing.status',
  'ticket_events.to_status': 'ticketing.status',
  'ticket_events.kind': 'audit.eventKinds',
  'tickets.source': 'ticketing.source',
  severity: 'ticketing.severity',
  fault_category: 'ticketing.faultCategory',
  payment_method: 'ticketing.payment',
  sanbao_path: 'ticketing.sanbaoPath',
  satisfaction: 'ticketing.satisfaction',
  /** The warranty engine's verdict kept on a ticket. */
  summary: 'warrantyState',
  'warranty_policy_versions.basis': 'warrantyBasis',
  'warranty_exclusions.reason': 'exclusionReason',
  exclusionReason: 'exclusionReason',
  'stock_moves.reason': 'stock.moves.reason',
  'documents.kind': 'app.documents.kind',
  'documents.record_type': 'audit.recordTypes',
  'documents.paper': 'paper',
  'documents.language': 'language',
  'complaints.channel': 'service.channel',
  'complaints.verdict': 'service.verdict',
  /** A setting's value, by the setting's key. */
  'settings.language': 'language',
  /** Inside the warranty rules. */
  restDayRule: 'app.settings.rules.restDayRuleOption',
  'ticket_reviews.outcome': 'review.outcome',
  'survey_questions.kind': 'survey.kinds',
  'survey_questions.preset': 'survey.presets',
  'calls.purpose': 'calls.purpose',
  'calls.outcome': 'calls.outcome',
  /** The kind of record a file is attached to. */
  'attachments.record_type': 'attachments.recordTypes',
};

/** SQLite keeps flags as 0/1; these columns are flags, not counts. */
const FLAGS = new Set(['active', 'is_default', 'in_warranty', 'lead', 'warranty_in', 'reached', 'unfixed_downtime', 'lifetime_maintenance', 'open', 'thumb']);
/** What the audit triggers write in place of a masked value (the PIN's hash). */
const MASK = '••••';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Epoch ms before 2001 are not moments the desk wrote: a column holding them is shown as stored. */
const MOMENT_FLOOR = 978_307_200_000;

const isMoment = (key: string) => key === 'at' || key.endsWith('_at') || key.endsWith('_due') || key.endsWith('At') || key.endsWith('Due');
const isMoney = (key: string) => key.endsWith('_fen') || key.endsWith('Fen');
const isPhone = (key: string) => key === 'phone' || key.endsWith('_phone') || key === 'hotline' || key === 'complaintLine';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored code in words (urban → 市区), or null when the key holds no known codes. */
function code(words: Words, table: string, key: string, value: string | number): string | null {
  const branch = VOCABULARY[`${table}.${key}`] ?? VOCABULARY[key];
  if (!branch || String(value).includes('.')) return null;
  const path = `${branch}.${value}`;
  return words.has(path) ? words.t(path) : null;
}

/** An object's key as the desk names it: an audit name, a region, a severity, a milestone. */
function keyName(words: Words, key: string): string {
  for (const branch of ['audit.keys', 'audit.fields', 'region', 'ticketing.severity', 'ticketing.milestone']) {
    if (words.has(`${branch}.${key}`)) return words.t(`${branch}.${key}`);
  }
  return key;
}

const isDuration = (v: Record<string, unknown>) => typeof v.amount === 'number' && typeof v.unit === 'string' && Object.keys(v).length === 2;

/** One scalar (or a duration) in words; null for what takes lines. */
function scalar(words: Words, table: string, key: string, value: unknown): string | null {
  const { lang } = words;
  if (value === null || value === undefined || value === '') return words.t('audit.values.empty');
  if (typeof value === 'boolean') return words.t(value ? 'audit.values.yes' : 'audit.values.no');
  if (typeof value === 'number') {
    const named = code(words, table, key, value);
    if (named !== null) return named;
    if (FLAGS.has(key) && (value === 0 || value === 1)) return words.t(value === 1 ? 'audit.values.yes' : 'audit.values.no');
    if (isMoney(key) && Number.isInteger(value)) return formatMoney(value, lang);
    if (isMoment(key) && value >= MOMENT_FLOOR) return formatMoment(value, lang);
    // A list's order is kept from 0; the desk counts from 1.
    if (key === 'position' && Number.isInteger(value)) return String(value + 1);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value === MASK) return words.t('audit.values.masked');
    const named = code(words, table, key, value);
    if (named !== null) return named;
    if (ISO_DAY.test(value)) return formatDate(value, lang);
    if (isPhone(key)) return formatPhone(value);
    return value;
  }
  if (isObject(value) && isDuration(value)) {
    const unit = `ticketing.duration.${String(value.unit)}`;
    return words.has(unit) ? words.t(unit, { count: value.amount }) : `${String(value.amount)} ${String(value.unit)}`;
  }
  return null;
}

/** A warranty component ("整机 12 个月"), a complaint's step ("2026-03-20 14:05 王芳：…"), the engine's reason. */
function knownItem(words: Words, item: Record<string, unknown>): string | null {
  // A sentence with a count has only its plural forms in the catalog.
  const sentence = typeof item.key === 'string' && (words.has(item.key) || words.has(`${item.key}_other`));
  if (sentence && typeof item.key === 'string' && (item.params === undefined || isObject(item.params))) {
    return words.t(item.key, explanationParams({ key: item.key, params: item.params as Record<string, string | number> | undefined }, words.lang));
  }
  if (typeof item.name === 'string' && typeof item.months === 'number') return words.t('audit.values.component', { name: item.name, count: item.months });
  if (typeof item.at === 'number' && typeof item.text === 'string') {
    return words.t('audit.values.step', { at: formatMoment(item.at, words.lang), who: typeof item.who === 'string' ? item.who : '', text: item.text });
  }
  return null;
}

/** Nested settings flattened to "市区 · 紧急 · 到场：2 小时". */
function lines(words: Words, table: string, value: unknown, path: string[] = [], key = ''): string[] {
  const one = scalar(words, table, key, value);
  if (one !== null) return [path.length > 0 ? words.t('audit.values.named', { name: path.join(' · '), value: one }) : one];
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) {
      const list = value.map((v) => scalar(words, table, key, v) ?? '').join(words.t('app.common.listSeparator'));
      return lines(words, table, list || null, path, key);
    }
    return value.flatMap((item) => (isObject(item) ? [knownItem(words, item) ?? lines(words, table, item, path).join(words.t('app.common.listSeparator'))] : lines(words, table, item, path, key)));
  }
  // Below a sum of money ("travelFen": urban, suburban...) every value is money.
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => lines(words, table, v, [...path, keyName(words, k)], isMoney(key) ? key : k));
  return [String(value)];
}

/** Objects and arrays written as JSON text ("12" stays a string); undefined if not JSON. */
function parseJson(text: string): unknown {
  const s = text.trim();
  if (!(s.startsWith('{') || s.startsWith('['))) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A stored value of `table.column` as the desk reads it. `key` is the row's key where the row is
 * a named setting (a setting's value is JSON whose meaning depends on which setting it is).
 */
export function readValue(words: Words, table: string, column: string, value: unknown, key?: string): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (value === MASK) return { kind: 'masked' };
  let stored: unknown = value;
  let name = column;
  if (table === 'settings' && column === 'value' && typeof value === 'string') {
    stored = parseJsonValue(value);
    name = key ?? column;
    if (name === 'logo' && typeof stored === 'string') return { kind: 'text', text: picture(words, stored) };
  } else if (typeof value === 'string') {
    const parsed = parseJson(value);
    if (parsed !== undefined) stored = parsed;
  }
  if (stored === null || stored === '' || (Array.isArray(stored) && stored.length === 0) || (isObject(stored) && Object.keys(stored).length === 0)) return { kind: 'empty' };
  const shown = lines(words, table, stored, [], name);
  if (shown.length === 0) return { kind: 'empty' };
  return shown.length === 1 ? { kind: 'text', text: shown[0]! } : { kind: 'lines', lines: shown };
}

/** A logo is logged by its digest (the log keeps no pictures): "a picture", told apart by the digest. */
function picture(words: Words, logged: string): string {
  const digest = /sha256 ([0-9a-f]+)/.exec(logged)?.[1];
  return digest ? words.t('audit.values.pictureDigest', { digest }) : words.t('audit.values.picture');
}

/** A setting's value: always JSON ("\"en\"", "{...}"); kept as written if not. */
function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
