import { sql, type ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import {
  TEXT_SEARCH_DAYS,
  type AuditChange,
  type AuditDetail,
  type AuditFacets,
  type AuditPage,
  type AuditRecord,
  type AuditRowChange,
  type auditIdInput,
  type auditListInput,
} from '../../../../shared/schemas/security';
import { currentRequest } from '../../app/request-context';
import { notFound } from '../../lib/errors';
import type { DB, Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { localDay, localMoment } from '../../../../shared/domain/dates';
import { likeContains } from '../../lib/sql-like';
import { CODED_RECORDS } from '../../../../shared/domain/audit-rows';
import { RecordNames, subjectTable } from './audit-names';
import { auditIndexComplete, changesHolding, phraseQuery, type Confirmed } from './audit-text';

/** Like the ticket list: counting stops here and the page says "more than". */
export const AUDIT_COUNT_CAP = 1_000;

type ListInput = z.output<typeof auditListInput>;
type ChangeRow = { id: string; at: number; operator: string; channel: string; elevated: number; request: string; undone_by: string | null };

function filtered(db: Db, input: ListInput) {
  let q = db.selectFrom('audit_changes as c');
  if (input.from) q = q.where('c.at', '>=', localMoment(input.from));
  if (input.to) q = q.where('c.at', '<', localMoment(input.to) + 86_400_000);
  if (input.operator) q = q.where('c.operator', '=', input.operator);
  if (input.channel) q = q.where('c.channel', '=', input.channel);
  const rowsWhere = (eb: ExpressionBuilder<DB & { c: DB['audit_changes'] }, 'c'>) => {
    let r = eb.selectFrom('audit_rows as r').select('r.id').whereRef('r.change_id', '=', 'c.id');
    if (input.table) r = r.where('r.table_name', '=', input.table);
    return r;
  };
  if (input.rowId !== null) {
    // One record's history: few changes, found through the record's own index rather than by
    // walking the whole log newest first.
    const rowId = input.rowId;
    q = q.where('c.id', 'in', (eb) => {
      let r = eb.selectFrom('audit_rows as r').select('r.change_id').where('r.row_id', '=', rowId);
      if (input.table) r = r.where('r.table_name', '=', input.table);
      return r;
    });
  } else if (input.table) {
    q = q.where((eb) => eb.exists(rowsWhere(eb)));
  }
  if (input.text) {
    const pattern = likeContains(input.text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.request like ${pattern} escape '\\'`,
        sql<boolean>`c.operator like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('audit_rows as r')
            .select('r.id')
            .whereRef('r.change_id', '=', 'c.id')
            // The record's name too: a ticket's changes are found by its customer's name.
            .where(sql<boolean>`(r.label like ${pattern} escape '\\' or r.before like ${pattern} escape '\\' or r.after like ${pattern} escape '\\')`),
        ),
      ]),
    );
  }
  return q;
}

type Written = { change_id: string; table_name: string; first: number; row_id: string; label: string | null };

/** The first row each change wrote to its subject's table: the one that names the change. */
async function subjects(db: Db, names: RecordNames, rows: ChangeRow[], counts: Written[]) {
  const named = new Map<string, AuditRecord>();
  const unnamed: number[] = [];
  for (const r of rows) {
    const written = counts.filter((c) => c.change_id === r.id);
    const table = subjectTable(r.channel, written.map((c) => ({ table: c.table_name, first: Number(c.first) })));
    const first = written.find((c) => c.table_name === table);
    if (!first) continue;
    if (first.label !== null || CODED_RECORDS.includes(first.table_name)) named.set(r.id, { table: first.table_name, label: first.label ?? first.row_id });
    else unnamed.push(Number(first.first));
  }
  // Rows logged before names were kept (migration 0140): worked out from the log, then the data.
  if (unnamed.length > 0) {
    const logged = await db.selectFrom('audit_rows').selectAll().where('id', 'in', unnamed).execute();
    for (const row of logged) named.set(row.change_id, { table: row.table_name, label: await names.ofRow(row) });
  }
  return named;
}

async function summaries(db: Db, rows: ChangeRow[], names = new RecordNames(db)): Promise<AuditChange[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('audit_rows')
    // With min() SQLite takes the bare columns (row_id, label) from the row holding the minimum:
    // each table's first row comes with its name, no second read.
    .select(['change_id', 'table_name', 'row_id', 'label', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('id').as('first')])
    .where(
      'change_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy(['change_id', 'table_name'])
    .execute();
  const restoreIds = [...new Set(rows.map((r) => r.undone_by).filter((id): id is string => id !== null))];
  const restores = restoreIds.length === 0 ? [] : await db.selectFrom('audit_changes').select(['id', 'at']).where('id', 'in', restoreIds).execute();
  const named = await subjects(db, names, rows, counts);
  return rows.map((r) => {
    const mine = counts.filter((c) => c.change_id === r.id);
    return {
      id: r.id,
      at: r.at,
      operator: r.operator,
      channel: r.channel,
      elevated: r.elevated === 1,
      request: r.request,
      rowCount: mine.reduce((sum, c) => sum + Number(c.n), 0),
      tables: mine.map((c) => c.table_name),
      undoneBy: r.undone_by === null ? null : { changeId: r.undone_by, at: restores.find((x) => x.id === r.undone_by)?.at ?? r.at },
      subject: named.get(r.id) ?? null,
    };
  });
}

/** Counted up to the cap (an index walk that stops early), and the page in the log's order. */
async function filteredPage(db: Db, input: ListInput) {
  const counted = await filtered(db, input)
    .select('c.id')
    .limit(AUDIT_COUNT_CAP + 1)
    .execute();
  const rows = await filtered(db, input)
    .selectAll('c')
    .orderBy('c.at', 'desc')
    // Same millisecond: the order they were written in.
    .orderBy(sql`c.rowid`, 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { counted: counted.length, rows };
}

/**
 * Free text the index cannot answer reads every value in its window, and finding little it reads
 * all of them: walked once, in the log's order, for the count and the page together.
 */
async function scannedPage(db: Db, input: ListInput) {
  const offset = (input.page - 1) * input.pageSize;
  const found = await filtered(db, input)
    .select('c.id')
    .orderBy('c.at', 'desc')
    .orderBy(sql`c.rowid`, 'desc')
    .limit(Math.max(AUDIT_COUNT_CAP + 1, offset + input.pageSize))
    .execute();
  return { counted: found.length, ids: found.slice(offset, offset + input.pageSize).map((r) => r.id) };
}

/**
 * Through the text index (migration 0360): the phrase's changes newest first, only as many as
 * the page and the capped count need. The phrase finds what the LIKE would; the list's other
 * filters (operator, dates, table, record) are applied to what it finds, by the same query as
 * without text.
 */
async function indexedPage(db: Db, input: ListInput, phrase: string) {
  const offset = (input.page - 1) * input.pageSize;
  const want = Math.max(AUDIT_COUNT_CAP + 1, offset + input.pageSize);
  const others = { ...input, text: null };
  const narrowed = others.from || others.to || others.operator || others.channel || others.table || others.rowId !== null;
  const found = await changesHolding(db, phrase, want, offset + input.pageSize, async (changes) => {
    if (!narrowed) return changes;
    const kept = new Set((await filtered(db, others).where('c.id', 'in', changes.map((c) => c.id)).select('c.id').execute()).map((r) => r.id));
    return changes.filter((c) => kept.has(c.id));
  });
  // The list's order: newest first, the same millisecond in the order written.
  const ordered = found.sort((a: Confirmed, b: Confirmed) => b.at - a.at || b.seq - a.seq);
  return { counted: ordered.length, ids: ordered.slice(offset, offset + input.pageSize).map((c) => c.id) };
}

async function textPage(db: Db, input: ListInput, phrase: string | null) {
  const { counted, ids } = phrase ? await indexedPage(db, input, phrase) : await scannedPage(db, input);
  const unordered = ids.length === 0 ? [] : await db.selectFrom('audit_changes').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(unordered.map((r) => [r.id, r]));
  return { counted, rows: ids.map((id) => byId.get(id)!) };
}

/** Text the index cannot answer reads at most this many of the newest changes' days (and 90 days at most). */
export const SCANNED_CHANGES = 20_000;

/**
 * The day free text without an index reads from: the last TEXT_SEARCH_DAYS, and no further back
 * than the day of the SCANNED_CHANGES-th newest change, so one or two characters answer as
 * quickly on a busy log as on a quiet one. The screen says from which day it searched.
 */
async function scanSince(db: Db, now: number): Promise<string> {
  const days = now - TEXT_SEARCH_DAYS * 86_400_000;
  const nth = await db.selectFrom('audit_changes').select('at').orderBy('at', 'desc').limit(1).offset(SCANNED_CHANGES - 1).executeTakeFirst();
  return localDay(Math.max(days, nth?.at ?? days));
}

export async function listAudit(ctx: ServiceContext, raw: ListInput): Promise<AuditPage> {
  // Free text through the text index answers over the whole log. One or two characters (the
  // index holds trigrams), or a log whose older part is still being indexed after an upgrade,
  // read the values themselves: without a start date only the recent log (scanSince), and
  // further back when asked.
  const phrase = raw.text ? phraseQuery(raw.text) : null;
  const indexed = phrase !== null && (await auditIndexComplete(ctx.db));
  const textSince = raw.text && !raw.from && !indexed ? await scanSince(ctx.db, ctx.now().getTime()) : null;
  const input = textSince ? { ...raw, from: textSince } : raw;
  const { counted, rows } = input.text ? await textPage(ctx.db, input, indexed ? phrase : null) : await filteredPage(ctx.db, input);
  const names = new RecordNames(ctx.db);
  return {
    items: await summaries(ctx.db, rows, names),
    total: Math.min(counted, AUDIT_COUNT_CAP),
    more: counted > AUDIT_COUNT_CAP,
    textSince,
    record: input.rowId !== null && input.table ? { table: input.table, label: await names.of(input.table, input.rowId, null) } : null,
  };
}

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export async function getAudit(ctx: ServiceContext, input: z.output<typeof auditIdInput>): Promise<AuditDetail> {
  const change = await ctx.db.selectFrom('audit_changes').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!change) throw notFound('errors.NOT_FOUND');
  const rows = await ctx.db.selectFrom('audit_rows').selectAll().where('change_id', '=', input.id).orderBy('id').execute();
  const names = new RecordNames(ctx.db);
  const [summary] = await summaries(ctx.db, [change], names);
  const detailed = await Promise.all(
    rows.map(
      async (r): Promise<AuditRowChange> => ({
        table: r.table_name,
        rowId: r.row_id,
        op: r.op,
        before: parse(r.before),
        after: parse(r.after),
        label: await names.ofRow(r),
        refs: await names.refs(r),
      }),
    ),
  );
  // Another record an id points at, named as the log knew it when this change was made.
  const asOf = rows.at(-1)?.id ?? null;
  const referred = new Set<string>();
  for (const row of detailed) {
    for (const [column, table] of Object.entries(row.refs)) {
      for (const value of [row.before?.[column], row.after?.[column]]) {
        if (typeof value === 'number' || (typeof value === 'string' && value !== '')) referred.add(`${table}:${value}`);
      }
    }
  }
  const referredNames = await Promise.all(
    [...referred].map(async (key) => {
      const at = key.indexOf(':');
      return [key, await names.of(key.slice(0, at), key.slice(at + 1), asOf)] as const;
    }),
  );
  return { change: summary!, rows: detailed, names: Object.fromEntries(referredNames) };
}

export async function auditFacets(ctx: ServiceContext): Promise<AuditFacets> {
  // Each distinct list walks its own index rather than the whole log.
  const [operators, channels, tables] = await Promise.all([
    ctx.db.selectFrom('audit_changes').select('operator').distinct().orderBy('operator').execute(),
    ctx.db.selectFrom('audit_changes').select('channel').distinct().orderBy('channel').execute(),
    ctx.db.selectFrom('audit_rows').select('table_name').distinct().orderBy('table_name').execute(),
  ]);
  return {
    operators: operators.map((r) => r.operator),
    channels: channels.map((r) => r.channel),
    tables: tables.map((r) => r.table_name),
  };
}

/**
 * For a change no trigger can see (the whole database replaced by a restore): written by hand,
 * stamped with the current request like any other.
 */
export async function recordAuditEvent(db: Db, event: { table: string; rowId: string; before: unknown; after: unknown }): Promise<void> {
  const request = currentRequest();
  if (!request) return;
  const write = async (trx: Db) => {
    await trx
      .insertInto('audit_changes')
      .values({
        id: request.changeId,
        at: request.at,
        operator: request.operator,
        channel: request.channel,
        elevated: request.elevated ? 1 : 0,
        request: request.request,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('audit_rows')
      .values({
        change_id: request.changeId,
        table_name: event.table,
        row_id: event.rowId,
        op: 'update',
        before: JSON.stringify(event.before),
        after: JSON.stringify(event.after),
      })
      .execute();
  };
  // Inside the caller's transaction when there is one: the event and the change it records commit together.
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}
