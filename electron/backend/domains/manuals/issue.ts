import type { z } from 'zod';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import { walkBlocks, type ManualBody, type ManualCheck, type ManualIssue, type ManualVersionUsed, type manualIssueInput, type manualListInput } from '../../../../shared/schemas/manual';
import type { ServiceContext } from '../../app/context';
import type { Db } from '../../db/schema';
import type { ManualData, ManualSnapshot } from '../../documents/manual/manual-data';
import { notFound, refuse } from '../../lib/errors';
import { archiveDocument } from '../archive/archive';
import { readArchived, sha256 } from '../archive/files';
import { manualSnapshot } from './assemble';
import { bodyDocs, withImageUrls } from './content';
import { MANUAL_TEMPLATE_VERSION } from '../../documents/template-versions';

/** Every text a body prints, one per line: what the font must have glyphs for. */
function bodyText(body: ManualBody): string {
  const out: string[] = [];
  for (const doc of bodyDocs(body)) for (const b of walkBlocks(doc.content)) if (b.type === 'paragraph' || b.type === 'heading') for (const n of b.content ?? []) if (n.type === 'text') out.push(n.text);
  return out.join('\n');
}

/**
 * Told before issuing: which models have no content (their chapters will say so), which have no
 * English, and which characters the font lacks (they would print as boxes), as the card names them.
 */
export async function checkManual(ctx: ServiceContext, installationId: number): Promise<ManualCheck> {
  const { snapshot, versions } = await manualSnapshot(ctx, installationId);
  const text = [
    ...snapshot.models.flatMap((m) => (m.body ? [bodyText(m.body)] : [])),
    ...snapshot.units.flatMap((u) => u.values.flatMap((v) => [v.label, v.value, v.note ?? ''])),
  ].join('\n');
  return {
    installationId,
    units: snapshot.units.length,
    versions,
    unwritten: snapshot.models.filter((m) => m.source === 'none').map((m) => m.label),
    noEnglish: snapshot.models.filter((m) => m.body && !m.body.en).map((m) => m.label),
    // Checked in the document worker, where the fonts are open: reading them here would stall the desk.
    missingGlyphs: (await ctx.documents.render({ kind: 'glyphCheck', text })).missingGlyphs,
  };
}

/** The snapshot as the paper needs it: each picture's reference swapped for its bytes. */
async function printable(db: Db, snapshot: ManualSnapshot, stamp: { number: string; issuedOn: string }): Promise<ManualData> {
  const models = await Promise.all(snapshot.models.map(async (m) => ({ ...m, body: m.body ? await withImageUrls(db, m.body) : null })));
  return { ...snapshot, models, ...stamp };
}

/**
 * Issues a site's manual: the facts and content versions decided now, numbered and archived like
 * every paper, and kept with the document so the same manual can be drawn again exactly. The
 * manual's record is written in the document's own transaction: an archived manual always has it.
 */
export async function issueManual(ctx: ServiceContext, input: z.output<typeof manualIssueInput>): Promise<GeneratedDocument & { issueId: number }> {
  const { snapshot, versions } = await manualSnapshot(ctx, input.installationId);
  if (snapshot.units.length === 0) throw refuse('manuals.errors.noUnits', undefined, 'installationId');
  const createdAt = ctx.now().getTime();
  let issuedOn = '';
  let issueId = 0;
  const doc = await archiveDocument(ctx, {
    kind: 'manual',
    recordType: 'installation',
    recordId: input.installationId,
    title: `${snapshot.installation.number} · ${snapshot.customer.name}`,
    paper: input.paper,
    language: input.language,
    templateVersion: MANUAL_TEMPLATE_VERSION,
    render: async (number, day) => {
      issuedOn = day;
      return ctx.documents.render({ kind: 'manual', data: await printable(ctx.db, snapshot, { number, issuedOn: day }), language: input.language, paper: input.paper, createdAt });
    },
    alongside: async (trx, documentId) => {
      const row = await trx
        .insertInto('manual_issues')
        .values({ document_id: documentId, installation_id: input.installationId, versions: JSON.stringify(versions), snapshot: JSON.stringify(snapshot), issue_day: issuedOn, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      issueId = row.id;
    },
  });
  return { ...doc, issueId };
}

/**
 * Draws an issued manual again from what it was issued with (its facts, its content versions,
 * its number, day and moment) and compares it with the archived file: the same bytes, whatever
 * was edited since. The archived copy is what prints; this proves it can be made again.
 */
export async function reprintManual(ctx: ServiceContext, issueId: number): Promise<{ documentId: number; identical: boolean }> {
  const issue = await ctx.db.selectFrom('manual_issues').selectAll().where('id', '=', issueId).executeTakeFirst();
  if (!issue) throw notFound('manuals.errors.issueMissing', { id: issueId });
  const doc = await ctx.db.selectFrom('documents').selectAll().where('id', '=', issue.document_id).executeTakeFirstOrThrow();
  const snapshot = JSON.parse(issue.snapshot) as ManualSnapshot;
  const data = await printable(ctx.db, snapshot, { number: doc.number, issuedOn: issue.issue_day });
  const { pdf } = await ctx.documents.render({ kind: 'manual', data, language: doc.language as 'zh-CN' | 'en', paper: doc.paper as 'A4' | 'A5', createdAt: issue.created_at });
  let archived: Buffer | null = null;
  try {
    archived = readArchived(ctx.documentsDir, doc);
  } catch {
    archived = null;
  }
  return { documentId: doc.id, identical: archived !== null && sha256(pdf) === sha256(archived) };
}

export async function listManualIssues(ctx: ServiceContext, input: z.output<typeof manualListInput>): Promise<ManualIssue[]> {
  const rows = await ctx.db
    .selectFrom('manual_issues as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .innerJoin('installations as i', 'i.id', 'm.installation_id')
    .select(['m.id', 'm.document_id', 'm.installation_id', 'm.versions', 'm.issue_day', 'm.created_at', 'd.number', 'd.paper', 'd.language', 'i.number as installation_number', 'i.customer_id'])
    .$if(input.installationId !== undefined, (q) => q.where('m.installation_id', '=', input.installationId!))
    .$if(input.customerId !== undefined, (q) => q.where('i.customer_id', '=', input.customerId!))
    .$if(input.unitId !== undefined, (q) => q.where('m.installation_id', 'in', (eb) => eb.selectFrom('installation_units').select('installation_id').where('unit_id', '=', input.unitId!)))
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({
    issueId: r.id,
    documentId: r.document_id,
    number: r.number,
    installationId: r.installation_id,
    installationNumber: r.installation_number,
    customerId: r.customer_id,
    paper: r.paper as 'A4' | 'A5',
    language: r.language as 'zh-CN' | 'en',
    issuedOn: r.issue_day,
    createdAt: r.created_at,
    versions: JSON.parse(r.versions) as ManualVersionUsed[],
  }));
}
