import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../electron/backend/documents/kit/amount-in-words';

describe('an amount in words, as a receipt for money states it', () => {
  it('writes yuan in the financial capitals, with 整 when nothing follows the yuan or jiao', () => {
    expect(amountInWords(128_000, 'zh-CN')).toBe('人民币壹仟贰佰捌拾元整');
    expect(amountInWords(0, 'zh-CN')).toBe('人民币零元整');
    expect(amountInWords(50, 'zh-CN')).toBe('人民币伍角整');
    // A zero inside the number is said once; fen end without 整.
    expect(amountInWords(100_205, 'zh-CN')).toBe('人民币壹仟零贰元零伍分');
    expect(amountInWords(1_000_000_000, 'zh-CN')).toBe('人民币壹仟万元整');
  });

  it('writes English words for the English papers', () => {
    expect(amountInWords(128_000, 'en')).toBe('RMB One Thousand Two Hundred Eighty Yuan Only');
    expect(amountInWords(100_205, 'en')).toBe('RMB One Thousand Two Yuan And Five Fen Only');
    expect(amountInWords(0, 'en')).toBe('RMB Zero Yuan Only');
  });
});
