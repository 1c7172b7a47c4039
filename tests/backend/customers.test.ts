import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(async () => {
  await backend.close();
});

const count = (table = 'customers') => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('customers', () => {
  it('creates a customer with phones, addresses, contacts, tags and a region, and edits it', async () => {
    const created = await backend.ok('customers:create', {
      kind: 'organisation',
      name: '杭州市西湖中学',
      region: 'suburban',
      phones: [{ phone: '0571-87654321', label: '总务处' }, { phone: '138 1234 5678' }],
      addresses: [{ address: '杭州市西湖区曙光路 12 号', isDefault: false }, { address: '杭州市西湖区教工路 8 号', isDefault: true }],
      contacts: [{ name: '王老师', role: '总务主任', phone: '13900001111' }],
      tags: ['学校', '维保合同'],
    });
    expect(created).toMatchObject({
      kind: 'organisation',
      region: 'suburban',
      phone: '0571-87654321',
      address: '杭州市西湖区教工路 8 号',
      phones: [{ phone: '0571-87654321', label: '总务处' }, { phone: '13812345678', label: null }],
      contacts: [{ name: '王老师', role: '总务主任', phone: '13900001111' }],
      tags: ['学校', '维保合同'],
      archived: false,
    });
    const edited = await backend.ok('customers:update', { id: created.id, ...person({ name: '西湖中学', tags: [] }) });
    expect(edited).toMatchObject({ name: '西湖中学', kind: 'person', phones: [{ phone: '13812345678' }], tags: [], contacts: [] });
    expect(await backend.ok('customers:get', { id: created.id })).toEqual(edited);
  });

  it('makes the first address the default when none is marked', async () => {
    const c = await backend.ok('customers:create', person({ addresses: [{ address: '甲地' }, { address: '乙地' }] }));
    expect(c.addresses).toEqual([{ address: '甲地', isDefault: true }, { address: '乙地', isDefault: false }]);
  });

  it('lists customers newest first, filtered by region, tag and archive, with a total', async () => {
    const a = await backend.ok('customers:create', person({ name: '甲', region: 'urban', tags: ['VIP'] }));
    await backend.ok('customers:create', person({ name: '乙', phones: [{ phone: '13900000002' }], region: 'suburban' }));
    const c = await backend.ok('customers:create', person({ name: '丙', phones: [{ phone: '13900000003' }], region: 'suburban' }));
    await backend.ok('customers:archive', { id: c.id });
    const names = async (input: object) => (await backend.ok('customers:list', input)).items.map((x) => x.name);
    expect(await names({})).toEqual(['乙', '甲']);
    expect((await backend.ok('customers:list', { limit: 1 })).total).toBe(2);
    expect(await names({ region: 'suburban' })).toEqual(['乙']);
    expect(await names({ region: 'suburban', includeArchived: true })).toEqual(['丙', '乙']);
    expect(await names({ tag: 'VIP' })).toEqual(['甲']);
    expect(await names({ query: '1390000000' })).toEqual(['乙']);
    await backend.ok('customers:restore', { id: c.id });
    expect(await names({ query: '丙' })).toEqual(['丙']);
    expect(a.id).toBeGreaterThan(0);
  });

  it('rejects bad input with VALIDATION, per field, and writes nothing', async () => {
    const error = await backend.fails('customers:create', { name: '', phones: [{ phone: '12345' }, { phone: '12345' }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields).toMatchObject({ name: [{ key: 'validation.required' }], 'phones.0.phone': [{ key: 'validation.phone' }] });
    const noPhone = await backend.fails('customers:create', { name: '李四', phones: [] });
    expect(noPhone.details.fields).toEqual({ phones: [{ key: 'validation.phoneRequired' }] });
    const twice = await backend.fails('customers:create', person({ phones: [{ phone: '13812345678' }, { phone: '138-1234-5678' }] }));
    expect(twice.details.fields).toEqual({ 'phones.1.phone': [{ key: 'validation.duplicatePhone' }] });
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
    const wrongTypes = await backend.fails('customers:create', { name: 42, phones: null, sneaky: "'; drop table customers; --" });
    expect(wrongTypes.code).toBe('VALIDATION');
    expect(count()).toBe(0);
    expect(count('customer_phones')).toBe(0);
  });

  it('refuses to delete a customer with units, saying what to do instead; deletes one without', async () => {
    const model = await seedModel(backend);
    const owner = await backend.ok('customers:create', person());
    await backend.ok('units:create', { customerId: owner.id, modelId: model.id, serial: 'GL1', purchaseDate: '2026-03-01' });
    const refused = await backend.fails('customers:delete', { id: owner.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details.message).toEqual({ key: 'errors.customerHasUnits', params: { name: '张三', count: 1 } });
    const empty = await backend.ok('customers:create', person({ name: '空客户', phones: [{ phone: '13700000000' }] }));
    await backend.ok('customers:delete', { id: empty.id });
    expect((await backend.fails('customers:get', { id: empty.id })).code).toBe('NOT_FOUND');
    expect(await backend.ok('search:query', { query: '空客户' })).toEqual([]);
  });

  it('merges a duplicate: units, phones, contacts and tags move over; the duplicate is archived and points at the survivor', async () => {
    const model = await seedModel(backend);
    const keep = await backend.ok('customers:create', person({ tags: ['VIP'] }));
    const dup = await backend.ok('customers:create', person({ name: '张三（重复）', phones: [{ phone: '13812345678' }, { phone: '0571-88886666' }], tags: ['学校'], contacts: [{ name: '李秘书' }] }));
    await backend.ok('units:create', { customerId: dup.id, modelId: model.id, serial: 'DUP1', purchaseDate: '2026-03-01' });
    const result = await backend.ok('customers:merge', { keepId: keep.id, mergeId: dup.id });
    expect(result.movedUnits).toBe(1);
    expect(result.customer.phones.map((p) => p.phone)).toEqual(['13812345678', '0571-88886666']);
    expect(result.customer.tags).toEqual(['VIP', '学校']);
    expect(result.customer.contacts).toEqual([{ name: '李秘书', role: null, phone: null }]);
    expect(result.customer.unitCount).toBe(1);
    const gone = await backend.ok('customers:get', { id: dup.id });
    expect(gone).toMatchObject({ archived: true, mergedIntoId: keep.id, unitCount: 0 });
    const [hit] = await backend.ok('search:query', { query: 'DUP1' });
    expect(hit).toMatchObject({ kind: 'unit', customerId: keep.id, customerName: '张三' });
    expect((await backend.fails('customers:merge', { keepId: keep.id, mergeId: keep.id })).code).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for a missing customer and VALIDATION for an unknown channel', async () => {
    const missing = await backend.fails('customers:update', { id: 999, ...person() });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details.message).toEqual({ key: 'errors.customerNotFound', params: { id: 999 } });
    expect((await backend.invoke('customers:drop', {})).ok).toBe(false);
    expect((await backend.invoke('__proto__', {})).ok).toBe(false);
  });
});
