import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdfDocument, warmFontsStep } from '../../electron/backend/documents/kit/render';

/*
 * Issue 23 (memory): once the working font family is cut, the full fonts and harfbuzz's memory
 * are let go. A document with a character the working family lacks then loads them again, and
 * prints that character as before.
 */
describe('the working font after the full fonts are let go', () => {
  it('still prints a character outside it, loading the fonts again for that document', async () => {
    // The working family cut and put in place: the last step lets the sources go.
    while (warmFontsStep());
    // 䶮 (Extension A) is outside GB 2312 and the catalogs: the working family lacks it.
    const { pdf } = await renderPdfDocument({ content: [{ text: '客户：王䶮 · 型号 KFR-35GW' }] }, { title: 't', creator: 't', producer: 't' });
    const dir = mkdtempSync(join(tmpdir(), 'font-release-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    expect(execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' })).toContain('客户：王䶮 · 型号 KFR-35GW');
    // Its character joins the working family at the next idle steps, which let the fonts go again.
    expect(warmFontsStep()).toBe(true);
    while (warmFontsStep());
    const again = await renderPdfDocument({ content: [{ text: '王䶮' }] }, { title: 't', creator: 't', producer: 't' });
    writeFileSync(join(dir, 'b.pdf'), again.pdf);
    expect(execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' })).toContain('王䶮');
  });
});
