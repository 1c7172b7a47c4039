import { describe, expect, it } from 'vitest';
import { parseYuan, yuanText } from '../../shared/domain/yuan';

describe('yuan typed at the desk → integer fen', () => {
  it.each([
    ['whole yuan', '50', 5000],
    ['one decimal is ten fen', '12.5', 1250],
    ['two decimals', '12.34', 1234],
    ['a float that binary multiplication gets wrong (19.99 × 100)', '19.99', 1999],
    ['another one (0.29 × 100 = 28.999…)', '0.29', 29],
    ['leading point', '.5', 50],
    ['trailing point', '80.', 8000],
    ['currency sign and grouping as shown on screen', '¥1,280.00', 128000],
    ['full-width sign, digits and point from a Chinese input method', '\uffe5\uff11\uff12\uff0e\uff15', 1250],
    ['spaces around', '  30  ', 3000],
    ['trailing zeros past the fen are harmless', '12.500', 1250],
    ['empty means nothing charged', '', 0],
    ['large amounts stay exact', '99999999.99', 9999999999],
  ])('%s: %j → %d fen', (_name, typed, fen) => {
    expect(parseYuan(typed)).toEqual({ ok: true, fen });
  });

  it.each([
    ['a third decimal that is not zero', '12.345', 'validation.wholeFen'],
    ['a negative amount', '-5', 'validation.notNegative'],
    ['letters', '12a', 'validation.invalidType'],
    ['two points', '1.2.3', 'validation.invalidType'],
    ['a lone point', '.', 'validation.invalidType'],
    ['more digits than any bill', '1234567890123', 'validation.invalidType'],
  ])('refuses %s: %j', (_name, typed, key) => {
    expect(parseYuan(typed)).toEqual({ ok: false, key });
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1250, '12.50'],
    [128000, '1280.00'],
    [1999, '19.99'],
  ])('shows %d fen as %j for editing, which parses back to the same fen', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
    expect(parseYuan(yuanText(fen))).toEqual({ ok: true, fen });
  });
});
