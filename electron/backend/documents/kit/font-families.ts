import { readFileSync } from 'node:fs';
import { resources } from '../../../../shared/i18n';
import { CJK_FONT_FAMILY, type CjkFonts } from './fonts';
import { releaseHarfbuzz, SubsetSource } from './harfbuzz';

/** The part of pdfmake's server instance a font family is registered with. */
export interface FontHost {
  addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  fonts: Record<string, unknown>;
  virtualfs: { writeFileSync(name: string, content: Buffer): void; storage: Record<string, unknown> };
}

type Weight = 'normal' | 'bold';
const WEIGHTS: readonly Weight[] = ['normal', 'bold'];

/**
 * Printable ASCII is always kept: page numbers and list numbers are laid out after the fact.
 * Tab and line breaks have no glyph, but come with every document's text.
 */
const ALWAYS = [9, 10, 13, ...Array.from({ length: 95 }, (_, i) => 32 + i)];

/** The characters of GB 2312 (symbols and both levels of hanzi), when this runtime decodes GBK. */
function gb2312(): number[] {
  try {
    const bytes: number[] = [];
    for (let row = 0xa1; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
    const text = new TextDecoder('gbk').decode(Uint8Array.from(bytes));
    // Cells GB 2312 leaves empty decode to the private use area: nothing to print.
    return [...text].map((ch) => ch.codePointAt(0)!).filter((cp) => cp < 0xe000 || cp > 0xf8ff);
  } catch {
    return [];
  }
}

/** Every character of both catalogs: whatever a document prints that is not data. */
function catalogCharacters(): number[] {
  const found = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const ch of value) found.add(ch.codePointAt(0)!);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(resources);
  return [...found];
}

interface Registered {
  family: string;
  files: Record<Weight, string>;
}

/**
 * The font families documents are rendered in. pdfkit embeds only the glyphs a document uses,
 * but it parses the font it is given: the full 30,000-glyph font makes that slow, so it gets a
 * cut-down copy. One "working" family, cut once in the background to the catalogs, GB 2312 and
 * the characters documents have brought since, serves every document it covers; its parsed
 * glyphs are kept between documents (see `shareParsedFonts`). A document with a character it
 * lacks gets a family cut for it alone (a few ms), and the working family takes that character
 * in the next time the renderer is idle. The PDF is the same either way: the outlines are
 * desubroutinized, so pdfkit's subset does not depend on which cut it was taken from.
 */
export class CjkFamilies {
  private sources: Record<Weight, SubsetSource> | null = null;
  private working: (Registered & { covers: Set<number> }) | null = null;
  /** The working family under construction: one weight per idle step. */
  private next: { covers: Set<number>; cut: Partial<Record<Weight, Buffer>> } | null = null;
  /** Characters documents printed that the working family lacks. */
  private readonly missing = new Set<number>();
  private count = 0;

  constructor(
    private readonly host: FontHost,
    private readonly fonts: CjkFonts,
  ) {}

  /** The family to render `text` in; `release` drops it when it was cut for this text alone. */
  familyFor(text: string): { family: string; release: () => void } {
    const wanted = new Set(ALWAYS);
    for (const ch of text) wanted.add(ch.codePointAt(0)!);
    const { working } = this;
    const lacking = working ? [...wanted].filter((cp) => !working.covers.has(cp)) : [...wanted];
    if (working && lacking.length === 0) return { family: working.family, release: () => {} };
    lacking.forEach((cp) => this.missing.add(cp));
    const own = this.register(this.cut(wanted));
    return { family: own.family, release: () => this.unregister(own) };
  }

  /** True while the working family is missing or behind the characters documents brought. */
  hasWork(): boolean {
    return this.working === null || this.missing.size > 0 || this.next !== null;
  }

  /**
   * One step (a few tens of ms) towards an up-to-date working family: loading the fonts into
   * harfbuzz, cutting one weight, or putting the new family in place. Steps are small so that a
   * document asked for meanwhile waits for one step at most.
   */
  step(): void {
    if (!this.sources) {
      this.loadSources();
      return;
    }
    if (!this.next) {
      const covers = new Set([...ALWAYS, ...catalogCharacters(), ...gb2312(), ...(this.working?.covers ?? []), ...this.missing]);
      this.missing.clear();
      this.next = { covers, cut: {} };
    }
    const weight = WEIGHTS.find((w) => !this.next!.cut[w]);
    if (weight) {
      this.next.cut[weight] = this.sources[weight].subset(this.next.covers);
      return;
    }
    const { covers, cut } = this.next;
    this.next = null;
    const previous = this.working;
    this.working = { ...this.register(cut as Record<Weight, Buffer>), covers };
    if (previous) this.unregister(previous);
    // The working family covers what documents print: the full fonts are let go (most of the
    // worker's memory), and loaded again only for a document with a character it lacks (or the
    // next idle step, when documents brought some meanwhile).
    this.releaseSources();
  }

  private releaseSources(): void {
    this.sources = null;
    releaseHarfbuzz();
  }

  private loadSources(): void {
    this.sources = {
      normal: new SubsetSource(readFileSync(this.fonts.normal)),
      bold: new SubsetSource(readFileSync(this.fonts.bold)),
    };
  }

  private cut(codePoints: Set<number>): Record<Weight, Buffer> {
    if (!this.sources) this.loadSources();
    return { normal: this.sources!.normal.subset(codePoints), bold: this.sources!.bold.subset(codePoints) };
  }

  private register(cut: Record<Weight, Buffer>): Registered {
    const family = `${CJK_FONT_FAMILY}-${++this.count}`;
    const files = { normal: `${family}-normal.otf`, bold: `${family}-bold.otf` };
    for (const weight of WEIGHTS) this.host.virtualfs.writeFileSync(files[weight], cut[weight]);
    this.host.addFonts({ [family]: { normal: files.normal, bold: files.bold, italics: files.normal, bolditalics: files.bold } });
    return { family, files };
  }

  private unregister({ family, files }: Registered): void {
    delete this.host.fonts[family];
    for (const weight of WEIGHTS) delete this.host.virtualfs.storage[files[weight]];
  }
}
