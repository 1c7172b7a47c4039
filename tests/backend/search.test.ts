import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/schemas/search';
import { normaliseQuery, pinyinForms } from '../../electron/backend/domains/search/search-index';
import { rebuildIndexInSteps } from '../../electron/backend/domains/search/index-rebuild';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';

let backend: TestBackend;
let zhang: number;
let school: number;
let unitId: number;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  const model = await seedModel(backend);
  zhang = (await backend.ok('customers:create', person({ name: '张三丰', phones: [{ phone: '13812345678' }] }))).id;
  school = (
    await backend.ok('customers:create', {
      kind: 'organisation',
      name: '杭州市西湖中学',
      phones: [{ phone: '0571-87654321' }],
      addresses: [{ address: '浙江省杭州市西湖区曙光路 12 号' }],
      contacts: [{ name: '单田芳', phone: '13900001111' }],
    })
  ).id;
  unitId = (await backend.ok('units:create', { customerId: zhang, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' })).id;
});
afterEach(async () => {
  await backend.close();
});

const first = async (query: string): Promise<SearchHit | undefined> => (await backend.ok('search:query', { query }))[0];
const refs = async (query: string) => (await backend.ok('search:query', { query })).map((h) => `${h.kind}:${h.id}`);

describe('the search box', () => {
  it.each([
    ['a phone fragment', '1234'],
    ['a phone read with spaces', '138 1234 5678'],
    ['pinyin initials', 'zsf'],
    ['the first two initials', 'zs'],
    ['full pinyin', 'zhangsanfeng'],
    ['pinyin typed with a space', 'zhang san'],
    ['the surname', '张'],
    ['the given name', '三丰'],
  ])('finds 张三丰 by %s (%s)', async (_what, query) => {
    expect(await refs(query)).toContain(`customer:${zhang}`);
  });

  it('finds an organisation by address fragment, landline digits and a contact (surname read as a surname: 单 shan)', async () => {
    expect(await refs('曙光路')).toContain(`customer:${school}`);
    expect(await refs('87654321')).toContain(`customer:${school}`);
    expect(await refs('stf')).toContain(`customer:${school}`);
    expect(await refs('shantianfang')).toContain(`customer:${school}`);
  });

  it('puts the unit first for an exact serial and shows its warranty at a glance', async () => {
    const hit = await first('gl2026a0001');
    expect(hit).toMatchObject({ kind: 'unit', id: unitId, customerName: '张三丰', summary: 'active', end: '2027-03-05' });
    expect(await refs('2026A00')).toContain(`unit:${unitId}`);
  });

  it('shows a customer with their units and warranty states', async () => {
    const hit = await first('张三丰');
    expect(hit).toMatchObject({ kind: 'customer', id: zhang, phone: '13812345678', units: [{ id: unitId, summary: 'active' }] });
  });

  it("shows the caller's open repairs with their status and technician, newest first, and counts the rest", async () => {
    const tech = await backend.ok('technicians:create', { name: '李师傅', phone: '13900002222', skills: [] });
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await backend.ok('tickets:create', phoneTicket(zhang, { unitId, unregisteredUnit: null, faultReported: `第${i}次` })));
    await backend.ok('tickets:transition', { id: opened[4]!.id, to: 'answered' });
    await backend.ok('tickets:assign', { id: opened[4]!.id, technicianIds: [tech.id] });
    await backend.ok('tickets:transition', { id: opened[0]!.id, to: 'cancelled', note: '客户自己修好了' });
    const hit = await first('张三丰');
    if (hit?.kind !== 'customer') throw new Error('expected the customer first');
    expect(hit.openCount).toBe(4);
    expect(hit.openTickets.map((t) => t.number)).toEqual([opened[4]!.number, opened[3]!.number, opened[2]!.number]);
    expect(hit.openTickets[0]).toMatchObject({ status: 'answered', technicians: ['李师傅'] });
    const unit = await first('GL2026A0001');
    expect(unit).toMatchObject({ kind: 'unit', openCount: 4 });
    // The school has none: an empty list, not someone else's.
    expect(await first('西湖中学')).toMatchObject({ kind: 'customer', id: school, openTickets: [], openCount: 0 });
  });

  it('finds a document by its number', async () => {
    await backend.ok('settings:update', { companyName: '测试公司', hotline: '400-800-1234' });
    const doc = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(await first(doc.number)).toMatchObject({ kind: 'document', id: doc.id, number: doc.number });
  });

  it('keeps the index in step with edits: an old phone no longer finds the customer', async () => {
    await backend.ok('customers:update', { id: zhang, ...person({ name: '张三丰', phones: [{ phone: '13999998888' }] }) });
    expect(await refs('12345678')).not.toContain(`customer:${zhang}`);
    expect(await refs('99998888')).toContain(`customer:${zhang}`);
  });

  it('treats quotes and operators as plain text', async () => {
    for (const q of ['"', 'a OR b', '*', 'NEAR(', "'; drop table customers; --"]) {
      expect(Array.isArray(await backend.ok('search:query', { query: q }))).toBe(true);
    }
  });
});

describe('query normalisation and pinyin', () => {
  it.each([
    ['138 1234-5678', '13812345678'],
    ['Zhang San', 'zhangsan'],
    ['  张三 ', '张三'],
    ['KFR-35GW', 'kfr-35gw'],
  ])('%s → %s', (q, out) => expect(normaliseQuery(q)).toBe(out));
  it('reads surnames as surnames', () => {
    expect(pinyinForms('曾小贤')).toEqual({ full: 'zengxiaoxian', initials: 'zxx' });
    expect(pinyinForms('ABC')).toBeNull();
  });
});

describe('the index rebuilt after an upgrade', () => {
  /** The FTS index's stored segments and the short keys: what a rewrite would change. */
  const stored = () => ({
    fts: backend.store.sqlite.prepare('select count(*) as blocks, sum(length(block)) as bytes from search_fts_data').get(),
    keys: backend.store.sqlite.prepare('select count(*) from search_keys').pluck().get(),
  });

  it('leaves the entries of records that have not changed as they are, and rewrites those that have', async () => {
    const before = stored();
    expect(await rebuildIndexInSteps(backend.store.db)).toBe(3);
    expect(stored()).toEqual(before);
    expect(await refs('zsf')).toEqual([`customer:${zhang}`]);

    // A change the index never heard of (as a migration may make): the rebuild picks it up.
    backend.store.sqlite.prepare('update customers set name = ? where id = ?').run('李四光', zhang);
    await rebuildIndexInSteps(backend.store.db);
    expect(stored()).not.toEqual(before);
    expect(await refs('lsg')).toEqual([`customer:${zhang}`]);
    expect(await refs('zsf')).toEqual([]);
    expect(await refs('GL2026A0001')).toEqual([`unit:${unitId}`]);
  });
});
