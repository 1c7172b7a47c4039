import { describe, expect, it } from 'vitest';
import { resources, translator } from '../../shared/i18n';

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

describe('catalogs', () => {
  const zh = leaves(resources['zh-CN'].translation as unknown as Tree);
  const en = leaves(resources.en.translation as unknown as Tree);
  it('have the same keys in both languages', () => {
    expect(en.map(([k]) => k).sort()).toEqual(zh.map(([k]) => k).sort());
  });
  it('have no empty texts and keep the same placeholders', () => {
    const enMap = new Map(en);
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(holes(enMap.get(key) ?? ''), key).toEqual(holes(text));
    }
  });
  it('translate with interpolation and plurals', () => {
    expect(translator('zh-CN')('months', { count: 12 })).toBe('12 个月');
    expect(translator('en')('months', { count: 1 })).toBe('1 month');
    expect(translator('en')('errors.DB_TOO_NEW', { found: 9, supported: 4 })).toContain('data version 9');
    // A service level's "1 working days" read wrong in English (issue 13).
    expect(translator('en')('ticketing.duration.workingDays', { count: 1 })).toBe('1 working day');
    expect(translator('en')('ticketing.duration.workingDays', { count: 2 })).toBe('2 working days');
    expect(translator('zh-CN')('ticketing.duration.workingDays', { count: 1 })).toBe('1 个工作日');
  });
});
