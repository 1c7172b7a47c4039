import type { z } from 'zod';
import {
  manualBody,
  walkBlocks,
  type BlockNode,
  type ManualBody,
  type ManualContent,
  type ManualContentSummary,
  type ManualDoc,
  type manualContentGetInput,
  type manualContentSaveInput,
} from '../../../../shared/schemas/manual';
import type { ServiceContext } from '../../app/context';
import { currentOperator } from '../../app/request-context';
import type { Db } from '../../db/schema';
import { notFound, refuse } from '../../lib/errors';
import { assertImagesExist, imageIdOf, imageRef, imageUrls, storeImage } from './images';

type Target = z.output<typeof manualContentGetInput>;

/** Every document of a body: the chapters in Chinese, then in English. */
export function bodyDocs(body: ManualBody): ManualDoc[] {
  return [body.zh, ...(body.en ? [body.en] : [])].flatMap((ch) => [ch.description, ch.operation, ch.troubleshooting]);
}

/** Whether a document says anything: a page of empty paragraphs is not content. */
export function docIsEmpty(doc: ManualDoc): boolean {
  for (const b of walkBlocks(doc.content)) {
    if (b.type === 'image' || b.type === 'table') return false;
    if ((b.type === 'paragraph' || b.type === 'heading') && b.content?.some((n) => n.type === 'text' && n.text.trim() !== '')) return false;
  }
  return true;
}

export function bodyIsEmpty(body: ManualBody): boolean {
  return bodyDocs(body).every(docIsEmpty);
}

/** The same body with each picture's `src` replaced (documents are rebuilt, never changed in place). */
async function mapImages(body: ManualBody, map: (src: string) => Promise<string>): Promise<ManualBody> {
  const doc = async (d: ManualDoc): Promise<ManualDoc> => ({ type: 'doc', content: await blocks(d.content) });
  const blocks = (bs: BlockNode[]): Promise<BlockNode[]> => Promise.all(bs.map(one));
  const one = async (b: BlockNode): Promise<BlockNode> => {
    switch (b.type) {
      case 'image':
        return { ...b, attrs: { ...b.attrs, src: await map(b.attrs.src) } };
      case 'bulletList':
      case 'orderedList':
        return { ...b, content: await Promise.all(b.content.map(async (i) => ({ ...i, content: await blocks(i.content) }))) } as BlockNode;
      case 'blockquote':
        return { ...b, content: await blocks(b.content) };
      case 'table':
        return { ...b, content: await Promise.all(b.content.map(async (r) => ({ ...r, content: await Promise.all(r.content.map(async (c) => ({ ...c, content: await blocks(c.content) }))) }))) };
      default:
        return b;
    }
  };
  const chapters = async (c: ManualBody['zh']) => ({ description: await doc(c.description), operation: await doc(c.operation), troubleshooting: await doc(c.troubleshooting) });
  return { zh: await chapters(body.zh), en: body.en ? await chapters(body.en) : null };
}

function imageIds(body: ManualBody): number[] {
  const ids: number[] = [];
  for (const d of bodyDocs(body)) for (const b of walkBlocks(d.content)) if (b.type === 'image') ids.push(imageIdOf(b.attrs.src) ?? 0);
  return ids.filter((i) => i > 0);
}

/** A stored body with its pictures as `data:` URLs: what the editor opens and the paper prints. */
export async function withImageUrls(db: Db, body: ManualBody): Promise<ManualBody> {
  const urls = await imageUrls(db, imageIds(body));
  return mapImages(body, async (src) => urls.get(imageIdOf(src) ?? 0) ?? src);
}

/** The content row for a model or a category, if any. */
async function contentRow(db: Db, target: Target) {
  return db
    .selectFrom('manual_contents')
    .selectAll()
    .$if(target.modelId !== null, (q) => q.where('model_id', '=', target.modelId!))
    .$if(target.modelId === null, (q) => q.where('model_id', 'is', null).where('category', '=', target.category))
    .executeTakeFirst();
}

export async function getManualContent(ctx: ServiceContext, target: Target, db: Db = ctx.db): Promise<ManualContent> {
  if (target.modelId !== null) {
    const model = await db.selectFrom('product_models').select('id').where('id', '=', target.modelId).executeTakeFirst();
    if (!model) throw notFound('manuals.errors.modelMissing', { id: target.modelId }, 'modelId');
  }
  const row = await contentRow(db, target);
  const empty: ManualContent = { contentId: null, modelId: target.modelId, category: target.modelId === null ? target.category : null, version: null, versionId: null, body: null, createdBy: null, createdAt: null, versions: [] };
  if (!row) return empty;
  const versions = await db.selectFrom('manual_content_versions').selectAll().where('content_id', '=', row.id).orderBy('version', 'desc').execute();
  const latest = versions[0];
  if (!latest) return { ...empty, contentId: row.id };
  return {
    contentId: row.id,
    modelId: row.model_id,
    category: row.category,
    version: latest.version,
    versionId: latest.id,
    body: await withImageUrls(db, manualBody.parse(JSON.parse(latest.body))),
    createdBy: latest.created_by,
    createdAt: latest.created_at,
    versions: versions.map((v) => ({ versionId: v.id, version: v.version, createdBy: v.created_by, createdAt: v.created_at })),
  };
}

/** One version as it was saved (the editor's history; a manual's reprint reads the same rows). */
export async function getContentVersion(ctx: ServiceContext, versionId: number, db: Db = ctx.db): Promise<ManualBody> {
  const row = await db.selectFrom('manual_content_versions').select('body').where('id', '=', versionId).executeTakeFirst();
  if (!row) throw notFound('manuals.errors.versionMissing', { id: versionId });
  return withImageUrls(db, manualBody.parse(JSON.parse(row.body)));
}

/**
 * Saves a model's or category's content as a new version (the same body again adds none):
 * manuals already issued keep the version they printed. New pictures arrive as `data:` URLs
 * and are checked and stored here, in the same transaction; a stored one is referred to by id.
 */
export async function saveManualContent(ctx: ServiceContext, input: z.output<typeof manualContentSaveInput>): Promise<ManualContent> {
  if (bodyIsEmpty({ zh: input.body.zh, en: null })) throw refuse('manuals.errors.nothingWritten', undefined, 'body');
  const target: Target = { modelId: input.modelId, category: input.category };
  await ctx.db.transaction().execute(async (trx) => {
    if (input.modelId !== null) {
      const model = await trx.selectFrom('product_models').select('id').where('id', '=', input.modelId).executeTakeFirst();
      if (!model) throw notFound('manuals.errors.modelMissing', { id: input.modelId }, 'modelId');
    }
    const referred: number[] = [];
    const stored = await mapImages(input.body, async (src) => {
      const known = imageIdOf(src);
      if (known !== null) {
        referred.push(known);
        return src;
      }
      if (!src.startsWith('data:')) throw refuse('manuals.errors.imageNotImage', undefined, 'image');
      return imageRef((await storeImage(ctx, src, trx)).id);
    });
    await assertImagesExist(trx, referred);
    // An English version with nothing in it is no English version.
    const body: ManualBody = { zh: stored.zh, en: stored.en && !bodyIsEmpty({ zh: stored.en, en: null }) ? stored.en : null };
    const at = ctx.now().getTime();
    let row = await contentRow(trx, target);
    row ??= await trx
      .insertInto('manual_contents')
      .values({ model_id: input.modelId, category: input.modelId === null ? input.category : null, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    const latest = await trx.selectFrom('manual_content_versions').select(['version', 'body']).where('content_id', '=', row.id).orderBy('version', 'desc').executeTakeFirst();
    const json = JSON.stringify(body);
    if (latest?.body === json) return;
    await trx
      .insertInto('manual_content_versions')
      .values({ content_id: row.id, version: (latest?.version ?? 0) + 1, body: json, created_by: currentOperator(), created_at: at })
      .execute();
    await trx.updateTable('manual_contents').set({ updated_at: at }).where('id', '=', row.id).execute();
  });
  return getManualContent(ctx, target);
}

export async function listManualContents(ctx: ServiceContext): Promise<ManualContentSummary[]> {
  const rows = await ctx.db
    .selectFrom('manual_contents as c')
    .leftJoin('product_models as m', 'm.id', 'c.model_id')
    .innerJoin('manual_content_versions as v', 'v.content_id', 'c.id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('manual_content_versions as w').select('w.id').whereRef('w.content_id', '=', 'c.id').whereRef('w.version', '>', 'v.version'))))
    .select(['c.id', 'c.model_id', 'c.category', 'c.updated_at', 'm.brand', 'm.model', 'v.version', 'v.body'])
    .orderBy('c.category')
    .orderBy('m.brand')
    .orderBy('m.model')
    .execute();
  return rows.map((r) => ({
    contentId: r.id,
    modelId: r.model_id,
    modelLabel: r.brand ? `${r.brand} ${r.model}` : null,
    category: r.category,
    version: r.version,
    updatedAt: r.updated_at,
    hasEnglish: (JSON.parse(r.body) as ManualBody).en !== null,
  }));
}

/** What content a model's manual chapters come from now: its own, else its category's. */
export async function contentForModel(db: Db, model: { id: number; category: string }): Promise<{ source: 'model' | 'category'; contentId: number; versionId: number; version: number } | null> {
  for (const [source, target] of [
    ['model', { modelId: model.id, category: null }],
    ['category', { modelId: null, category: model.category }],
  ] as const) {
    const row = await contentRow(db, target);
    if (!row) continue;
    const v = await db.selectFrom('manual_content_versions').select(['id', 'version']).where('content_id', '=', row.id).orderBy('version', 'desc').executeTakeFirst();
    if (v) return { source, contentId: row.id, versionId: v.id, version: v.version };
  }
  return null;
}
