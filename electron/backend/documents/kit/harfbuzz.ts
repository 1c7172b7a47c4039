import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { collectNow } from '../../lib/idle-trim';

/**
 * harfbuzz's subsetter (harfbuzzjs's wasm build), called directly rather than through
 * subset-font: subset-font copies the 8 MB font into wasm memory and parses it again on every
 * call, and cannot ask for desubroutinized outlines. Here each font is loaded once and kept.
 */

/** The raw exports used here (see harfbuzz's hb-subset.h). */
interface HarfbuzzExports {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/**
 * Outlines without subroutines. pdfkit subsets the font again when it embeds it, and with
 * subroutines it parses each glyph's calls and writes an index of every subroutine of the font
 * (most as empty stubs); without them it copies the outlines, and the embedded font comes out
 * the same whichever set of characters the font given to pdfkit was cut to (and smaller).
 */
const HB_SUBSET_FLAGS_DESUBROUTINIZE = 0x4;

/** Node's WebAssembly, which the Node-only compiler settings here do not describe. */
const { Module, Instance } = (globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: object } };
}).WebAssembly;

/**
 * The layout features fontkit applies to horizontal text when it is asked for none (its
 * default shaper: pdfkit asks for none). The others (vertical forms, widths, stylistic sets,
 * other locales' forms...) only make the font slower to cut, parse and shape.
 */
const SHAPING_FEATURES = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const tagNumber = (tag: string) => [...tag].reduce((n, ch) => ((n << 8) | ch.charCodeAt(0)) >>> 0, 0);

let compiled: object | undefined;
let harfbuzz: HarfbuzzExports | undefined;

/**
 * harfbuzz runs on V8's baseline wasm compiler (Liftoff) alone. The optimising tier recompiled
 * the subsetter's hot functions on V8's helper threads with 70-80 MB of scratch memory, which
 * glibc's malloc then kept in those threads' arenas for the life of the process (issue 23:
 * 40-60 MB of the backend's resident memory). Cutting is no slower without it: GB 2312 from
 * the 8 MB font in 64 ms either way, a document's own few characters in 1.4 ms. The flag is
 * the process's, read when a module is compiled: harfbuzz is the backend's only wasm.
 */
function baselineWasmOnly(): void {
  try {
    setFlagsFromString('--liftoff-only');
  } catch {
    // A runtime that refuses flags compiles as it would anyway.
  }
}

function load(): HarfbuzzExports {
  if (!harfbuzz) {
    if (!compiled) baselineWasmOnly();
    compiled ??= new Module(readFileSync(createRequire(__filename).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    const exports = new Instance(compiled, {}).exports as unknown as HarfbuzzExports;
    exports._initialize();
    harfbuzz = exports;
  }
  return harfbuzz;
}

/**
 * Lets go of harfbuzz's memory (both fonts and what cutting them took, about 70 MB that a wasm
 * memory never gives back while it lives); the compiled code stays. Only once no SubsetSource
 * is in use: the next one starts a fresh instance.
 */
export function releaseHarfbuzz(): void {
  harfbuzz = undefined;
  // An idle document worker may not collect for a long time, and until then it holds the
  // memory all the same.
  collectNow();
}

/** A font file loaded into harfbuzz once, to cut any number of subsets from. */
export class SubsetSource {
  private readonly hb = load();
  private readonly data: number;
  private readonly face: number;

  constructor(font: Uint8Array) {
    const { hb } = this;
    this.data = hb.malloc(font.byteLength);
    // The memory can grow (and its old views detach) on any call: take a fresh view each time.
    new Uint8Array(hb.memory.buffer).set(font, this.data);
    const blob = hb.hb_blob_create(this.data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    this.face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
  }

  /**
   * The font cut down to the glyphs of `codePoints` (and what the layout features fontkit
   * applies reach from them), desubroutinized, as an OpenType file.
   */
  subset(codePoints: Iterable<number>): Buffer {
    const { hb } = this;
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('harfbuzz could not start a subset');
    let subset = 0;
    try {
      hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_DESUBROUTINIZE);
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      for (const tag of SHAPING_FEATURES) hb.hb_set_add(features, tagNumber(tag));
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
      subset = hb.hb_subset_or_fail(this.face, input);
    } finally {
      hb.hb_subset_input_destroy(input);
    }
    if (subset === 0) throw new Error('harfbuzz could not subset the font (is the file damaged?)');
    const blob = hb.hb_face_reference_blob(subset);
    try {
      const at = hb.hb_blob_get_data(blob, 0);
      const length = hb.hb_blob_get_length(blob);
      if (length === 0) throw new Error('harfbuzz made an empty subset (is the font file damaged?)');
      return Buffer.from(new Uint8Array(hb.memory.buffer, at, length));
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  }

  /** Gives the font's memory back to harfbuzz; the source cannot be used after. */
  dispose(): void {
    this.hb.hb_face_destroy(this.face);
    this.hb.free(this.data);
  }
}
