import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { actionEntries, actionKey, matchActions, phoneOf } from '../../renderer/src/features/search/actions';

const keys = (query: string, lang: 'zh-CN' | 'en') => matchActions(query, actionEntries(translator(lang))).map((e) => actionKey(e.action));

describe('the search box as a command palette', () => {
  it.each([
    ['设置', 'go:settings'],
    ['sz', 'go:settings'],
    ['shezhi', 'go:settings'],
    ['报修', 'newRepair'],
    ['xjbx', 'newRepair'],
    ['新建客户', 'newCustomer'],
    ['导入', 'go:import'],
    ['excel', 'go:import'],
    ['备机', 'go:parts'],
    ['维保', 'go:maintenance'],
    ['weibao', 'go:maintenance'],
    ['巡检', 'go:maintenance'],
  ])('finds “%s” in Chinese as %s', (query, expected) => {
    expect(keys(query, 'zh-CN')[0]).toBe(expected);
  });

  it.each([
    ['settings', 'go:settings'],
    ['new repair', 'newRepair'],
    ['stock', 'go:parts'],
    ['audit', 'go:audit'],
    ['maintenance', 'go:maintenance'],
    ['inspections', 'go:maintenance'],
  ])('finds “%s” in English as %s', (query, expected) => {
    expect(keys(query, 'en')[0]).toBe(expected);
  });

  it('never reads a phone number or a single letter as a command', () => {
    for (const query of ['13800138000', '0571-8765', '+86 139', 's', ' ']) expect(keys(query, 'zh-CN')).toEqual([]);
  });

  it('offers a handful at most', () => {
    expect(keys('新建', 'zh-CN')).toEqual(['newRepair', 'newCustomer']);
    expect(keys('打开', 'zh-CN').length).toBeLessThanOrEqual(5);
  });
});

describe('a query read as a phone number', () => {
  it.each([
    ['139 0013 9000', '13900139000'],
    ['0571-87654321', '057187654321'],
    ['+86 139 0013 9000', '+8613900139000'],
    ['(0571) 8765 4321', '057187654321'],
  ])('%s is %s', (query, phone) => {
    expect(phoneOf(query)).toBe(phone);
  });

  it.each(['123456', '王小明', '13a900', 'GD-2026-000001'])('%s is not', (query) => {
    expect(phoneOf(query)).toBeNull();
  });
});
