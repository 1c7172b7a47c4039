import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(async () => {
  await backend.close();
});

const count = () => backend.store.sqlite.prepare('select count(*) as n from customers').get() as { n: number };

describe('customers', () => {
  it('creates, reads and edits a customer', async () => {
    const created = await backend.ok('customers:create', { name: '张三', phone: '138 1234 5678', address: '杭州市西湖区文三路 90 号' });
    expect(created).toMatchObject({ name: '张三', phone: '13812345678', note: null, unitCount: 0 });
    const edited = await backend.ok('customers:update', { id: created.id, name: '张三丰', phone: '0571-88886666', address: null, note: '周末不在家' });
    expect(edited).toMatchObject({ id: created.id, name: '张三丰', phone: '0571-88886666', address: null, note: '周末不在家' });
    expect(await backend.ok('customers:get', { id: created.id })).toEqual(edited);
  });

  it('finds customers by a name fragment, a phone fragment typed with spaces, or an address fragment', async () => {
    await backend.ok('customers:create', { name: '张三', phone: '13812345678', address: '杭州市西湖区' });
    await backend.ok('customers:create', { name: '李四', phone: '13900005678', address: '宁波市鄞州区' });
    await backend.ok('customers:create', { name: '杭州百货公司', phone: '0571-88886666' });
    const names = async (query: string) => (await backend.ok('customers:search', { query })).map((c) => c.name).sort();
    expect(await names('张')).toEqual(['张三']);
    expect(await names('1234')).toEqual(['张三']);
    expect(await names('5678')).toEqual(['张三', '李四']);
    expect(await names('1381 234')).toEqual(['张三']);
    expect(await names('8888 6666')).toEqual(['杭州百货公司']);
    expect(await names('杭州')).toEqual(['张三', '杭州百货公司']);
    expect(await names('%')).toEqual([]);
    expect(await names('')).toHaveLength(3);
  });

  it('rejects bad input with VALIDATION, per field, and writes nothing', async () => {
    const error = await backend.fails('customers:create', { name: '', phone: '12345' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields).toEqual({ name: [{ key: 'validation.required' }], phone: [{ key: 'validation.phone' }] });
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
    expect(count().n).toBe(0);
    const wrongTypes = await backend.fails('customers:create', { name: 42, phone: null, sneaky: "'; drop table customers; --" });
    expect(wrongTypes.code).toBe('VALIDATION');
    expect(count().n).toBe(0);
  });

  it('answers NOT_FOUND for a missing customer and VALIDATION for an unknown channel', async () => {
    const missing = await backend.fails('customers:update', { id: 999, name: '某人', phone: '13812345678' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details.message).toEqual({ key: 'errors.customerNotFound', params: { id: 999 } });
    expect((await backend.invoke('customers:drop', {})).ok).toBe(false);
    expect((await backend.invoke('__proto__', {})).ok).toBe(false);
  });
});
