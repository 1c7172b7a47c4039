import { describe, expect, it } from 'vitest';
import { serviceLevelName, seededServiceLevel } from '../../shared/domain/service-levels';
import { translator } from '../../shared/i18n';

describe('service level names', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  it.each([
    ['the seeded standard level reads in English', '标准服务', 'Standard service'],
    ['the seeded basic level reads in English', '基础服务', 'Basic service'],
    ['a level the company made keeps its own name', '物业大客户专享', '物业大客户专享'],
    ['a renamed seeded level keeps the name the company gave it', '标准服务（2026 版）', '标准服务（2026 版）'],
  ])('%s', (_case, stored, shown) => {
    expect(serviceLevelName(stored, en)).toBe(shown);
  });
  it('shows the seeded names unchanged in Chinese', () => {
    expect(serviceLevelName('标准服务', zh)).toBe('标准服务');
    expect(serviceLevelName('基础服务', zh)).toBe('基础服务');
  });
  it('knows the seeded levels only by their exact seeded name', () => {
    expect(seededServiceLevel('标准服务')).toBe('standard');
    expect(seededServiceLevel(' 标准服务')).toBeNull();
  });
});
