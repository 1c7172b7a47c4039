import nzh from 'nzh/cn';
import { ToWords } from 'to-words';
import type { Language } from '../../../../shared/i18n';

/*
 * An amount written out in words, as a receipt for money states it beside the figures so that
 * neither can be altered alone. Chinese in the financial capitals (大写: 壹贰叁…, 元角分, 整) the
 * accounting rules ask for, from nzh; English in words, from to-words.
 */

let english: ToWords | undefined;

/** `fen` in words: 人民币壹仟贰佰捌拾元整 / RMB One Thousand Two Hundred Eighty Yuan Only. */
export function amountInWords(fen: number, lang: Language): string {
  const yuan = (Math.round(fen) / 100).toFixed(2);
  if (lang === 'zh-CN') return nzh.toMoney(yuan, { forceZheng: true });
  english ??= new ToWords({
    localeCode: 'en-US',
    converterOptions: {
      currency: true,
      currencyOptions: { name: 'Yuan', plural: 'Yuan', symbol: '¥', fractionalUnit: { name: 'Fen', plural: 'Fen', symbol: '' } },
    },
  });
  return `RMB ${english.convert(Number(yuan))}`;
}
