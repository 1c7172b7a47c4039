import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderWarrantyCard } from '../../electron/backend/documents/warranty-card/warranty-card';
import { SEED_DUTY_HOURS } from '../../shared/domain/duty-hours';
import { STANDARD_TERMS, type Duration, type ServiceLevelTerms } from '../../shared/domain/sla';
import { translator, type Language } from '../../shared/i18n';
import type { Paper } from '../../shared/schemas/document';
import { tempDataDir } from '../support/temp';
import { cardSample } from '../support/warranty-card-sample';

/*
 * A service level with duty hours prints both promises on the warranty card: the usual lines
 * hold in duty hours, and one more line says when those are and what holds outside them. A level
 * without duty hours prints as before (the card's own tests).
 */

const squeeze = (s: string) => s.replace(/\s+/g, '');
const text = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit });
const outside = structuredClone(STANDARD_TERMS.targets);
for (const region of Object.values(outside)) for (const row of Object.values(region)) Object.assign(row, { answer: d(1, 'hours'), arrival: d(6, 'hours') });
const DUTY: ServiceLevelTerms = { ...STANDARD_TERMS, duty: { hours: { ...SEED_DUTY_HOURS, holiday: { closed: true, spans: [] } }, outside } };

describe('the warranty card of a level with duty hours', () => {
  const dir = tempDataDir('card-duty');
  for (const lang of ['zh-CN', 'en'] as Language[]) {
    for (const paper of ['A4', 'A5'] as Paper[]) {
      it(`says the duty hours and the promises outside them (${lang}, ${paper})`, async () => {
        const t = translator(lang);
        const data = { ...cardSample(), serviceLevel: DUTY };
        const result = await renderWarrantyCard(data, lang, paper);
        const file = join(dir, `card-duty-${lang}-${paper}.pdf`);
        writeFileSync(file, result.pdf);
        if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, `card-duty-${lang}-${paper}.pdf`), result.pdf);
        const hours = t('hours.card.days', { workingDay: '08:00–24:00', restDay: '08:00–24:00', holiday: t('hours.level.closedShort') });
        const line = t('hours.card.outside', {
          hours,
          answer: t('ticketing.duration.hours', { count: 1 }),
          arrival: t('ticketing.duration.hours', { count: 6 }),
          ordinary: t('ticketing.duration.hours', { count: 4 }),
          major: t('ticketing.duration.hours', { count: 8 }),
        });
        expect(squeeze(text(file))).toContain(squeeze(line));
      });
    }
  }
});
