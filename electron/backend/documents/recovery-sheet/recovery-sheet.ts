import { formatRecoveryCode } from '../../../../shared/schemas/security';
import type { Language } from '../../../../shared/i18n';
import { documentCtx } from '../kit/context';
import type { TDocumentDefinitions } from '../kit/definition';

export interface RecoverySheetFacts {
  code: string;
  companyName: string;
  /** The desk's local date and time it was printed, already formatted. */
  printedAt: string;
}

/**
 * One A4 sheet for the owner's drawer: the company, the code in large type, and how to use it.
 * Never archived (the archive keeps what customers were given; this is a key).
 */
export function recoverySheet(facts: RecoverySheetFacts, lang: Language): TDocumentDefinitions {
  const c = documentCtx(lang, 'A4');
  const { t, setup } = c;
  return {
    pageSize: setup.pageSize,
    pageMargins: setup.pageMargins,
    defaultStyle: setup.defaultStyle,
    styles: setup.styles,
    language: lang,
    content: [
      ...(facts.companyName ? [{ text: facts.companyName, style: 'companyName' }] : []),
      { text: t('security.recovery.sheetTitle'), style: 'title', margin: [0, 12, 0, 16] },
      { text: t('security.recovery.sheetIntro'), fontSize: 11, margin: [0, 0, 0, 20] },
      { text: formatRecoveryCode(facts.code), fontSize: 28, bold: true, characterSpacing: 2, alignment: 'center', margin: [0, 8, 0, 24] },
      { text: t('security.recovery.sheetHow'), fontSize: 11, margin: [0, 0, 0, 8] },
      { text: t('security.recovery.sheetKeep'), fontSize: 11, margin: [0, 0, 0, 24] },
      { text: t('security.recovery.sheetPrinted', { at: facts.printedAt }), style: 'note' },
    ],
  };
}
