import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentKeyFor } from '../../shared/domain/policy-presets';
import { openTestBackend, type TestBackend } from '../support/backend';
import { AIRCON_POLICY, person } from '../support/sample';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(async () => {
  await backend.close();
});

describe('the first start', () => {
  it('is offered on a new install only, and not again once finished', async () => {
    expect((await backend.ok('settings:get', {})).setupDone).toBe(false);
    await backend.ok('settings:update', { setupDone: true });
    expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
  });

  it('is not offered to a desk that already has its data (an upgrade, a restored backup)', async () => {
    await backend.ok('customers:create', person());
    expect((await backend.ok('settings:get', {})).setupDone).toBe(true);
  });

  it('sets up the chosen trades as policies with the trade terms, in the language asked for', async () => {
    const offered = await backend.ok('policies:presets', { language: 'zh-CN' });
    expect(offered.map((p) => p.id)).toEqual(['householdAircon', 'commercialAircon', 'projector', 'elevator', 'security', 'network']);
    const added = await backend.ok('policies:addPresets', { ids: ['householdAircon', 'elevator'], language: 'zh-CN' });
    expect(added.map((p) => p.name)).toEqual(['家用空调', '电梯（工程）']);
    expect(added[0]!.current).toMatchObject({
      basis: 'purchase',
      components: [
        { key: 'whole', name: '整机', months: 12 },
        { key: 'mainParts', name: '主要部件', months: 36 },
        { key: 'accessories', months: 6 },
      ],
    });
    expect(added[1]!.current).toMatchObject({ basis: 'acceptance', components: [{ key: 'whole', months: 24 }] });
    const english = await backend.ok('policies:addPresets', { ids: ['projector'], language: 'en' });
    expect(english[0]!.current.components.map((c) => c.name)).toEqual(['Whole unit', 'Accessories (cables, remote…)']);
  });

  it('adds a trade once: a policy of that name already there is left as it is', async () => {
    await backend.ok('policies:addPresets', { ids: ['householdAircon'], language: 'zh-CN' });
    expect((await backend.ok('policies:presets', { language: 'zh-CN' })).find((p) => p.id === 'householdAircon')!.exists).toBe(true);
    const again = await backend.ok('policies:addPresets', { ids: ['householdAircon', 'projector'], language: 'zh-CN' });
    expect(again.map((p) => p.name)).toEqual(['投影机']);
    expect((await backend.ok('policies:list', {})).length).toBe(2);
  });

  it('refuses an empty or unknown choice and adds nothing', async () => {
    expect((await backend.fails('policies:addPresets', { ids: [], language: 'zh-CN' })).code).toBe('VALIDATION');
    expect((await backend.fails('policies:addPresets', { ids: ['householdAircon', 'boats'], language: 'zh-CN' } as never)).code).toBe('VALIDATION');
    expect(await backend.ok('policies:list', {})).toEqual([]);
  });

  it('needs the admin PIN once one is set, as any policy does', async () => {
    await backend.ok('session:begin', { operator: '王芳' });
    await backend.ok('session:setPin', { next: '2468' });
    await backend.ok('session:lock', {});
    expect((await backend.fails('policies:addPresets', { ids: ['projector'], language: 'zh-CN' })).code).toBe('PIN_REQUIRED');
    // Finishing the setup guards nothing, so a locked desk can still close it.
    await backend.ok('settings:update', { setupDone: true });
  });
});

describe('component codes', () => {
  it('come from the name: the same name is the same component in every policy', () => {
    expect(componentKeyFor('压缩机')).toBe(componentKeyFor(' 压缩机 '));
    expect(componentKeyFor('Compressor')).toBe(componentKeyFor('compressor'));
    expect(componentKeyFor('压缩机')).not.toBe(componentKeyFor('主板'));
    expect(componentKeyFor('压缩机')).toMatch(/^[a-z][a-zA-Z0-9]{0,29}$/);
  });

  it('a policy with two lines of one name is refused under the second name', async () => {
    const key = componentKeyFor('配件');
    const error = await backend.fails('policies:create', {
      ...AIRCON_POLICY,
      components: [...AIRCON_POLICY.components, { key, name: '配件', months: 6 }, { key, name: '配件', months: 12 }],
    });
    expect(error.details.fields?.['components.4.name']).toBeDefined();
  });
});
