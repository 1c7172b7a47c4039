import { z } from 'zod';
import { id, isoDate, requiredText } from './common';
import { language } from './document';

/** Who is at the desk. Names are short: they are stamped on every change and printed. */
export const operatorName = requiredText(30);

/** The admin PIN: 4 to 8 digits, typed on the keypad beside the hotline phone. */
export const pin = z.string().regex(/^\d{4,8}$/, { error: 'security.errors.pinFormat' });

export const sessionBeginInput = z.strictObject({ operator: operatorName });
export const sessionUnlockInput = z.strictObject({ pin });
/** Setting the first PIN needs no current one; changing or removing it does. */
export const setPinInput = z.strictObject({ current: pin.nullable().default(null), next: pin.nullable() });

/**
 * The recovery code shown once when the PIN is set: 16 characters of Crockford's base32 (no I,
 * L, O or U to misread), printed in groups of four. What people type is forgiven: spaces and
 * dashes of any width, lower case, O for 0, I or L for 1.
 */
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseRecoveryCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** `7K3MQX9P2HDRW4TN` → `7K3M-QX9P-2HDR-W4TN`. */
export const formatRecoveryCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

export const recoveryCode = z
  .string()
  .max(64, { error: 'validation.recoveryCodeFormat' })
  .transform(normaliseRecoveryCode)
  .refine((code) => code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c)), {
    error: 'validation.recoveryCodeFormat',
  });

/** Forgot the PIN: the recovery code clears it (and itself); a new PIN is set next. */
export const sessionRecoverInput = z.strictObject({ code: recoveryCode });
/** A new recovery code replaces the old one; it takes the current PIN, like changing the PIN. */
export const newRecoveryCodeInput = z.strictObject({ current: pin });
/** The code just shown, saved as a text file or printed on one sheet (never archived). */
export const keepRecoveryCodeInput = z.strictObject({
  code: recoveryCode,
  how: z.enum(['save', 'print']),
  language,
});

export const operatorUpdateInput = z.strictObject({
  id,
  name: operatorName.optional(),
  active: z.boolean().optional(),
});

export interface Operator {
  id: number;
  name: string;
  active: boolean;
  createdAt: number;
  /** When this operator last began a session at the desk; null if never. */
  lastSeenAt: number | null;
}

export interface SessionInfo {
  /** Null until someone says who is at the desk (the start screen asks). */
  operator: string | null;
  /** Active operators, most recently at the desk first, for the start screen. */
  operators: Operator[];
  pinSet: boolean;
  /** A recovery code was made for the PIN (a PIN set before recovery codes existed has none). */
  recoveryCodeSet: boolean;
  /** Epoch ms until which guarded actions need no PIN; null when locked. */
  unlockedUntil: number | null;
}

/** Setting a PIN where there was none, or asking for a new code, shows the recovery code: once, here. */
export interface PinSetResult extends SessionInfo {
  recoveryCode: string | null;
}

export type KeptRecoveryCode = { how: 'save'; file: string } | { how: 'print'; printer: string | null };

export const AUDIT_OPS = ['insert', 'update', 'delete'] as const;
export type AuditOp = (typeof AUDIT_OPS)[number];

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const auditListInput = z.strictObject({
  from: isoDate.nullish().transform((v) => v ?? null),
  to: isoDate.nullish().transform((v) => v ?? null),
  operator: optionalFilter(30),
  channel: optionalFilter(60),
  table: optionalFilter(60),
  /** Free text found in what the request asked or in any value before or after. */
  text: optionalFilter(100),
  /** The changes of one record: a table and its row id together. */
  rowId: z.string().max(100).nullish().transform((v) => v ?? null),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type AuditListInput = z.input<typeof auditListInput>;

export const auditIdInput = z.strictObject({ id: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'validation.invalidType' }) });

/** A record as the log names it: its kind (table) and its name in the desk's words. */
export interface AuditRecord {
  table: string;
  /**
   * "GD-2026-000006 · 王小明" for a ticket, the name for a customer, "格力 KFR-35GW · SN" for a
   * unit; a key for settings, the PIN and the whole database (the screen translates it). Null
   * when neither the log nor the live data still knows the record.
   */
  label: string | null;
}

/** One request that changed data: who, when, through which channel, and what it asked. */
export interface AuditChange {
  id: string;
  at: number;
  operator: string;
  channel: string;
  /** True when the admin PIN had unlocked the desk for this change. */
  elevated: boolean;
  /** The request's input as JSON, long values shortened and the PIN never kept. */
  request: string;
  /** How many rows it changed, and in which tables. */
  rowCount: number;
  tables: string[];
  /** Set when a restore undid it (the change is kept in the log): the restore's change and when it ran. */
  undoneBy: { changeId: string; at: number } | null;
  /** The business record the change was about (the ticket, not its events); null when it changed no rows. */
  subject: AuditRecord | null;
}

export interface AuditRowChange {
  table: string;
  rowId: string;
  op: AuditOp;
  /** Column → value before (null for an insert) and after (null for a delete). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The record's name, as for AuditRecord. */
  label: string | null;
  /** Columns holding another record's id → that record's table; their names are in AuditDetail.names. */
  refs: Record<string, string>;
}

export interface AuditPage {
  items: AuditChange[];
  total: number;
  /** True when total stopped counting at its cap. */
  more: boolean;
  /**
   * Free text without a start date searches the last TEXT_SEARCH_DAYS only (it reads every value
   * written): the day it searched from, for the screen to say so; null when no window applied.
   */
  textSince: string | null;
  /** With a record's history asked for (table and rowId): that record, named. */
  record: AuditRecord | null;
}

export const TEXT_SEARCH_DAYS = 90;

export interface AuditDetail {
  change: AuditChange;
  rows: AuditRowChange[];
  /** `table:id` → the name of each record the rows refer to (null when it is known nowhere). */
  names: Record<string, string | null>;
}

export interface AuditFacets {
  operators: string[];
  channels: string[];
  tables: string[];
}
