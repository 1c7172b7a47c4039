import { z } from 'zod';
import { CARD_PAPERS, language } from './document';
import { id, optionalText, requiredText } from './common';

/*
 * The maintenance manual's content, as the editor (Tiptap, on ProseMirror) writes it: a tree
 * of nodes, never HTML. Only the nodes the paper can print are accepted; any other node, mark
 * or shape is refused here, before anything is stored. Unknown attributes are dropped.
 */

/** A picture in stored content: `manual-image:<id>`; the editor sends and gets `data:` URLs. */
export const MANUAL_IMAGE_PREFIX = 'manual-image:';
/** Bytes of one picture as chosen: a phone photo fits, a poster scan does not. */
export const MAX_MANUAL_IMAGE_BYTES = 4 * 1024 * 1024;
/** Pixels a picture may say it has before it is decoded: more is refused as a decompression bomb. */
export const MAX_MANUAL_IMAGE_PIXELS = 24_000_000;
/** The longest `data:` URL a picture of MAX_MANUAL_IMAGE_BYTES comes to. */
const MAX_IMAGE_URL = Math.ceil((MAX_MANUAL_IMAGE_BYTES * 4) / 3) + 40;
/** Columns a table may have: six still leave each column readable on A5. */
export const MAX_TABLE_COLUMNS = 6;
/** The chapters each model's content has. */
export const MANUAL_SECTIONS = ['description', 'operation', 'troubleshooting'] as const;
export type ManualSection = (typeof MANUAL_SECTIONS)[number];

export type Mark = { type: 'bold' | 'italic' | 'underline' | 'strike' } | { type: 'link'; attrs?: { href?: string | null | undefined } };
export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}
export interface HardBreakNode {
  type: 'hardBreak';
}
export type InlineNode = TextNode | HardBreakNode;
export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}
export interface HeadingNode {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 };
  content?: InlineNode[];
}
export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}
export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number | null | undefined };
  content: ListItemNode[];
}
export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  attrs?: { colspan?: number | null | undefined; rowspan?: number | null | undefined };
  content: BlockNode[];
}
export interface TableRowNode {
  type: 'tableRow';
  content: TableCellNode[];
}
export interface TableNode {
  type: 'table';
  content: TableRowNode[];
}
export interface ImageNode {
  type: 'image';
  attrs: { src: string; alt?: string | null | undefined; title?: string | null | undefined };
}
export interface BlockquoteNode {
  type: 'blockquote';
  content: BlockNode[];
}
export interface RuleNode {
  type: 'horizontalRule';
}
export type BlockNode = ParagraphNode | HeadingNode | BulletListNode | OrderedListNode | TableNode | ImageNode | BlockquoteNode | RuleNode;
export interface ManualDoc {
  type: 'doc';
  content: BlockNode[];
}

const mark = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['bold', 'italic', 'underline', 'strike']) }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: z.string().max(500).nullish() }).optional() }),
]);
const inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(5000), marks: z.array(mark).max(5).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);
const inlines = z.array(inline).max(2000).optional();
const listItem = z.object({
  type: z.literal('listItem'),
  get content() {
    return z.array(block).min(1).max(50);
  },
});
const cell = z.object({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z.object({ colspan: z.number().int().min(1).max(50).nullish(), rowspan: z.number().int().min(1).max(500).nullish() }).optional(),
  get content() {
    return z.array(block).min(1).max(50);
  },
});
const row = z.object({ type: z.literal('tableRow'), content: z.array(cell).min(1).max(50) });

/*
 * Unknown keys are dropped (z.object strips them); the union picks the node by its `type`, so a
 * refusal names the node that is wrong rather than "none of the kinds".
 */
const block: z.ZodType<BlockNode> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: inlines }),
  z.object({ type: z.literal('heading'), attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }), content: inlines }),
  z.object({ type: z.literal('bulletList'), content: z.array(listItem).min(1).max(200) }),
  z.object({ type: z.literal('orderedList'), attrs: z.object({ start: z.number().int().min(0).max(10_000).nullish() }).optional(), content: z.array(listItem).min(1).max(200) }),
  z.object({ type: z.literal('table'), content: z.array(row).min(1).max(500) }),
  z.object({ type: z.literal('image'), attrs: z.object({ src: z.string().min(1).max(MAX_IMAGE_URL, { error: 'manuals.errors.imageTooLarge' }), alt: z.string().max(200).nullish(), title: z.string().max(200).nullish() }) }),
  z.object({
    type: z.literal('blockquote'),
    get content() {
      return z.array(block).min(1).max(200);
    },
  }),
  z.object({ type: z.literal('horizontalRule') }),
]) as z.ZodType<BlockNode>;

/** Every node of a document's tree, depth first. */
export function* walkBlocks(blocks: readonly BlockNode[]): Generator<BlockNode> {
  for (const b of blocks) {
    yield b;
    if (b.type === 'bulletList' || b.type === 'orderedList') for (const item of b.content) yield* walkBlocks(item.content);
    else if (b.type === 'blockquote') yield* walkBlocks(b.content);
    else if (b.type === 'table') for (const r of b.content) for (const c of r.content) yield* walkBlocks(c.content);
  }
}

/** How many columns a table's widest row spans. */
export const tableColumns = (t: TableNode) => Math.max(...t.content.map((r) => r.content.reduce((sum, c) => sum + (c.attrs?.colspan ?? 1), 0)));

/** A document the paper can print: only known nodes, and no table wider than MAX_TABLE_COLUMNS. */
export const manualDoc: z.ZodType<ManualDoc> = z
  .object({ type: z.literal('doc'), content: z.array(block).max(2000) }, { error: 'manuals.errors.badContent' })
  .superRefine((d, ctx) => {
    for (const b of walkBlocks(d.content)) {
      if (b.type !== 'table') continue;
      const columns = tableColumns(b);
      if (columns > MAX_TABLE_COLUMNS) ctx.addIssue({ code: 'custom', message: 'manuals.errors.tableTooWide', params: { columns, max: MAX_TABLE_COLUMNS } });
    }
  }) as z.ZodType<ManualDoc>;

/** One language's chapters. */
export const manualChapters = z.strictObject({ description: manualDoc, operation: manualDoc, troubleshooting: manualDoc });
export type ManualChapters = z.output<typeof manualChapters>;
/** What a model's (or category's) content holds: Chinese always, English when written. */
export const manualBody = z.strictObject({ zh: manualChapters, en: manualChapters.nullable() });
export type ManualBody = z.output<typeof manualBody>;

const contentFor = {
  /** For one product model; else for every model of `category`. */
  modelId: id.nullish().transform((v) => v ?? null),
  category: optionalText(40),
};
const forSomething = { error: 'manuals.errors.contentFor', path: ['category'] };
export const manualContentSaveInput = z.strictObject({ ...contentFor, body: manualBody }).refine((c) => (c.modelId === null) !== (c.category === null), forSomething);
export const manualContentGetInput = z.strictObject(contentFor).refine((c) => (c.modelId === null) !== (c.category === null), forSomething);
export const manualContentVersionInput = z.strictObject({ versionId: id });
export const manualImageInput = z.strictObject({ dataUrl: z.string().max(MAX_IMAGE_URL, { error: 'manuals.errors.imageTooLarge' }) });
export const manualInstallationInput = z.strictObject({ installationId: id });
export const manualIssueInput = z.strictObject({ installationId: id, paper: z.enum(CARD_PAPERS), language });
export const manualIssueIdInput = z.strictObject({ issueId: id });
export const manualListInput = z.strictObject({ installationId: id.optional(), unitId: id.optional(), customerId: id.optional() });
export const unitSetValuesInput = z.strictObject({
  unitId: id,
  values: z.array(z.strictObject({ label: requiredText(40), value: requiredText(60), note: optionalText(100) })).max(40),
});
export const unitIdInput = z.strictObject({ unitId: id });

/** A saved content, as the editor opens it: pictures as `data:` URLs. */
export interface ManualContent {
  contentId: number | null;
  modelId: number | null;
  category: string | null;
  /** The latest version, or null when nothing was ever written. */
  version: number | null;
  versionId: number | null;
  body: ManualBody | null;
  createdBy: string | null;
  createdAt: number | null;
  versions: { versionId: number; version: number; createdBy: string; createdAt: number }[];
}

/** What is written, per model and per category: the list beside the editor. */
export interface ManualContentSummary {
  contentId: number;
  modelId: number | null;
  modelLabel: string | null;
  category: string | null;
  version: number;
  updatedAt: number;
  hasEnglish: boolean;
}

export interface ManualImage {
  id: number;
  dataUrl: string;
  width: number;
  height: number;
}

/** Whose content one model's chapters come from: its own, its category's, or nobody's yet. */
export type ManualSource = 'model' | 'category' | 'none';

/** One content version a manual was printed from. */
export interface ManualVersionUsed {
  modelId: number;
  modelLabel: string;
  source: ManualSource;
  contentId: number | null;
  versionId: number | null;
  version: number | null;
}

/** Told before a manual is issued: what it will say is missing. */
export interface ManualCheck {
  installationId: number;
  units: number;
  versions: ManualVersionUsed[];
  /** Models whose chapters will say no content was written. */
  unwritten: string[];
  /** Models with content but no English (an English manual prints the Chinese). */
  noEnglish: string[];
  /** Characters of the content the font has no glyph for (they would print as boxes). */
  missingGlyphs: string[];
}

export interface ManualIssue {
  issueId: number;
  documentId: number;
  number: string;
  installationId: number;
  installationNumber: string;
  customerId: number;
  paper: 'A4' | 'A5';
  language: 'zh-CN' | 'en';
  issuedOn: string;
  createdAt: number;
  versions: ManualVersionUsed[];
}

export interface UnitSetValue {
  label: string;
  value: string;
  note: string | null;
}
