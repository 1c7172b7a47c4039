import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The CJK font every printed document uses: Noto Sans CJK SC (OFL) from `@embedpdf/fonts-sc`.
 *
 * Coverage (checked with fontkit against the Regular and Bold files, version 1.000): despite the
 * package's "GB2312" description these are the full Noto Sans CJK SC fonts, 30,888 glyphs. They
 * cover all of CJK Unified Ideographs up to U+9FD0 (so 喆 堃 昇 珺 犇 淼 鑫 彧 玥 琰 and 䶮 print),
 * nearly all of Extension A, and the few Extension B-E characters of the 2013 Table of General
 * Standard Chinese Characters (e.g. 𬌗 𫖯 𬀩). Missing: most of Extension B and later (e.g. 𠀀),
 * U+9FD1 and up, and some symbols such as ✔ and ☐. `missingGlyphs` tells which characters of a
 * text would print as empty boxes, so the caller can warn instead of printing them silently.
 */
export const CJK_FONT_FAMILY = 'NotoSansSC';

export const CJK_FONT_FILES = {
  normal: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
} as const;

export interface CjkFonts {
  /** The folder holding the font files (absolute). */
  dir: string;
  normal: string;
  bold: string;
}

const PACKAGE = '@embedpdf/fonts-sc';

let packagedDir: string | undefined;

/** The `fonts/` folder of the installed `@embedpdf/fonts-sc` package. */
export function packagedFontDir(): string {
  packagedDir ??= findPackagedFontDir();
  return packagedDir;
}

function findPackagedFontDir(): string {
  const require = createRequire(__filename);
  // The package's `exports` hides its sub-paths: resolve its entry, then walk up to its root.
  let dir = dirname(require.resolve(PACKAGE));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fonts'))) return join(dir, 'fonts');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the fonts folder of ${PACKAGE}`);
    dir = parent;
  }
}

/**
 * The CJK font files. `overrideDir` is a folder holding the same two files, for a packaged app
 * that ships them outside node_modules (e.g. in `resources/fonts`); without it, the package's.
 */
export function cjkFonts(overrideDir?: string | null): CjkFonts {
  const dir = resolve(overrideDir ?? packagedFontDir());
  const fonts = { dir, normal: join(dir, CJK_FONT_FILES.normal), bold: join(dir, CJK_FONT_FILES.bold) };
  for (const file of [fonts.normal, fonts.bold]) {
    if (!existsSync(file)) throw new Error(`Font file not found: ${file}`);
  }
  return fonts;
}

/** The little of fontkit used here (it comes with pdfmake through pdfkit). */
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  characterSet: number[];
}
interface Fontkit {
  openSync(path: string): FontkitFont | { fonts: FontkitFont[] };
}

function loadFontkit(): Fontkit {
  // fontkit is pdfkit's dependency, and pdfkit pdfmake's: resolve it the way pdfkit does, so it
  // is the very copy that embeds the font.
  const fromHere = createRequire(__filename);
  const fromPdfmake = createRequire(fromHere.resolve('pdfmake'));
  const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
  return fromPdfkit('fontkit') as Fontkit;
}

let fontkit: Fontkit | undefined;
const printable = new Map<string, Set<number>>();

/** The code points the font has a glyph for. */
function glyphsOf(file: string): Set<number> {
  fontkit ??= loadFontkit();
  const f = fontkit.openSync(file);
  const font = 'fonts' in f ? f.fonts[0]! : f;
  return new Set(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)));
}

/**
 * The code points both weights have a glyph for, read once. Only this set is kept: a parsed
 * font holds its whole 8 MB file, and the worker has better use for the memory.
 */
function printableBy(fonts: CjkFonts): Set<number> {
  const key = `${fonts.normal}\u0000${fonts.bold}`;
  let set = printable.get(key);
  if (!set) {
    const bold = glyphsOf(fonts.bold);
    set = new Set([...glyphsOf(fonts.normal)].filter((cp) => bold.has(cp)));
    printable.set(key, set);
  }
  return set;
}

/** Characters that are laid out without a glyph of their own: spaces, line breaks, controls, variation selectors. */
const NO_GLYPH_NEEDED = /^[\s\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

/**
 * The characters of `text` that the CJK font (regular or bold) has no glyph for, each once, in
 * the order they first appear. A PDF would show them as empty boxes.
 */
export function missingGlyphs(text: string, fonts: CjkFonts = cjkFonts()): string[] {
  const both = printableBy(fonts);
  const missing = new Set<string>();
  for (const ch of text) {
    if (missing.has(ch) || NO_GLYPH_NEEDED.test(ch)) continue;
    if (!both.has(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
