import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPhone } from '../../shared/format';

describe('formats per language', () => {
  it('dates', () => {
    expect(formatDate('2026-03-20', 'zh-CN')).toBe('2026-03-20');
    expect(formatDate('2026-03-20', 'en')).toBe('20 Mar 2026');
    expect(formatDate(null, 'en')).toBe('');
  });
  it('money in fen', () => {
    expect(formatMoney(128000, 'zh-CN')).toBe('¥1,280.00');
    expect(formatMoney(5, 'en')).toBe('¥0.05');
  });
  it('mobile numbers in groups, others as stored', () => {
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('0571-88886666')).toBe('0571-88886666');
    expect(formatPhone('4008001234')).toBe('400-800-1234');
  });
});
