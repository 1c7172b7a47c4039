import { Converter } from 'opencc-js/t2cn';
import { plainCharacters } from '../../../../shared/schemas/common';

/*
 * The form text is indexed and looked up in, so that two ways of writing the same thing meet:
 * traditional and simplified characters (張三豐 and 张三丰), full-width and plain letters, and
 * the dash and invisible-character look-alikes a serial picks up when pasted.
 *
 * Traditional characters are simplified one at a time with OpenCC's own character table, never
 * by phrase: the index finds fragments, and only a character-by-character mapping makes the
 * folded fragment of a name the fragment of its folded name (by phrase, 乾隆 stays 乾隆 while
 * 乾 alone becomes 干, and a search for 乾 would miss it).
 */
const traditionalToSimplified = Converter({ from: 't', to: 'cn' });
/** One entry per distinct character seen: a few thousand at most, against a call per character. */
const simplifiedOf = new Map<string, string>();
const HAN = /\p{Script=Han}/gu;

/**
 * Followed to its end, so folding twice changes nothing: the table has a chain or so (薴 → 苧,
 * itself → 苎), and a name's keys, folded once, must equal a query folded once.
 */
function simplified(character: string): string {
  let out = simplifiedOf.get(character);
  if (out === undefined) {
    out = character;
    // Bounded: a cycle in a future table must not hang the index.
    for (let step = 0; step < 4; step++) {
      const next = traditionalToSimplified(out);
      if (next === out) break;
      out = next;
    }
    simplifiedOf.set(character, out);
  }
  return out;
}

/** Text as the search index holds it and a query is matched: plain, lower-case, simplified. */
export function foldText(text: string): string {
  return plainCharacters(text).toLowerCase().replace(HAN, simplified);
}
