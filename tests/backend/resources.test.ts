import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { openTestBackend, type TestBackend } from '../support/backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
});
afterEach(async () => {
  await backend.close();
});

const capacitor = { partNumber: 'CAP-35UF', name: '压缩机启动电容 35μF', fits: 'KFR-35GW, KFR-26GW', costFen: 1800, priceFen: 4500, reorderLevel: 3, location: 'A-03' };
const stockOf = (id: number) => (backend.store.sqlite.prepare('select quantity from parts where id = ?').get(id) as { quantity: number }).quantity;
const moveSum = (id: number) => (backend.store.sqlite.prepare('select coalesce(sum(delta), 0) as n from stock_moves where part_id = ?').get(id) as { n: number }).n;
const rows = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('spare parts and stock', () => {
  it('records the opening stock as goods in, and flags a part at or below its reorder level', async () => {
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 5 });
    expect(part).toMatchObject({ partNumber: 'CAP-35UF', quantity: 5, reorderLevel: 3, low: false, active: true, fits: 'KFR-35GW, KFR-26GW' });
    const moves = await backend.ok('parts:moves', { id: part.id });
    expect(moves).toMatchObject([{ reason: 'receive', delta: 5, note: '期初库存', ticketId: null, ticketNumber: null, who: 'desk' }]);

    const empty = await backend.ok('parts:create', { ...capacitor, partNumber: 'FAN-01', name: '室外风扇叶' });
    expect(empty).toMatchObject({ quantity: 0, low: true });
    expect(await backend.ok('parts:moves', { id: empty.id })).toEqual([]);
  });

  it('receives and adjusts with a stock move each, newest first, stamped with the operator', async () => {
    await backend.ok('session:begin', { operator: '李娜' });
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 2 });
    expect((await backend.ok('parts:receive', { partId: part.id, quantity: 10, note: '送货单 SH-1102' })).quantity).toBe(12);
    const adjusted = await backend.ok('parts:adjust', { partId: part.id, delta: -3, note: '月末盘点 盘亏' });
    expect(adjusted).toMatchObject({ quantity: 9, low: false });
    const moves = await backend.ok('parts:moves', { id: part.id });
    expect(moves.map((m) => [m.reason, m.delta, m.note, m.who])).toEqual([
      ['adjust', -3, '月末盘点 盘亏', '李娜'],
      ['receive', 10, '送货单 SH-1102', '李娜'],
      ['receive', 2, '期初库存', '李娜'],
    ]);
    expect(moveSum(part.id)).toBe(stockOf(part.id));
  });

  it('refuses an adjustment below zero with a clear message and changes nothing', async () => {
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 4 });
    const error = await backend.fails('parts:adjust', { partId: part.id, delta: -5, note: '盘点' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.message).toEqual({ key: 'stock.errors.belowZero', params: { name: capacitor.name, stock: 4, delta: -5 } });
    expect(stockOf(part.id)).toBe(4);
    expect(await backend.ok('parts:moves', { id: part.id })).toHaveLength(1);
    // Down to exactly zero is a real count, and allowed.
    expect((await backend.ok('parts:adjust', { partId: part.id, delta: -4, note: '全部损坏' })).quantity).toBe(0);
    expect((await backend.fails('parts:adjust', { partId: part.id, delta: -1, note: '盘点' })).code).toBe('VALIDATION');
    expect(stockOf(part.id)).toBe(0);
  });

  it('never goes negative when many takes race for the same stock', async () => {
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 7 });
    const deltas = [-3, -2, +1, -4, -3, -1, +2, -5, -1, -2];
    const results = await Promise.all(deltas.map((delta, i) => backend.invoke('parts:adjust', { partId: part.id, delta, note: `第 ${i + 1} 次` })));
    const applied = deltas.filter((_, i) => results[i]!.ok);
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    // Whatever order they ran in, the count is the opening stock plus exactly the moves that were applied.
    expect(stockOf(part.id)).toBe(7 + applied.reduce((a, b) => a + b, 0));
    expect(stockOf(part.id)).toBeGreaterThanOrEqual(0);
    expect(moveSum(part.id)).toBe(stockOf(part.id));
    expect(await backend.ok('parts:moves', { id: part.id })).toHaveLength(1 + applied.length);
  });

  it('keeps part numbers unique whatever the case, and edits never touch the stock', async () => {
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 6 });
    const error = await backend.fails('parts:create', { ...capacitor, partNumber: 'cap-35uf', name: '另一个电容' });
    expect(error.code).toBe('CONFLICT');
    const message = { key: 'stock.errors.partNumberTaken', params: { partNumber: 'CAP-35UF', name: capacitor.name } };
    expect(error.details.message).toEqual(message);
    expect(error.details.fields?.partNumber).toEqual([message]);
    expect(rows('parts')).toBe(1);

    const other = await backend.ok('parts:create', { ...capacitor, partNumber: 'CAP-25UF', name: '启动电容 25μF' });
    expect((await backend.fails('parts:update', { ...capacitor, id: other.id, partNumber: 'Cap-35UF' })).code).toBe('CONFLICT');
    const edited = await backend.ok('parts:update', { ...capacitor, id: part.id, partNumber: 'cap-35uf', priceFen: 5000, reorderLevel: 6 });
    expect(edited).toMatchObject({ partNumber: 'cap-35uf', priceFen: 5000, quantity: 6, low: true });
    expect((await backend.fails('parts:update', { ...capacitor, id: part.id, quantity: 99 })).code).toBe('VALIDATION');
    expect(stockOf(part.id)).toBe(6);
  });

  it('finds parts by number, name, fits or location, with % and _ taken literally', async () => {
    await backend.ok('parts:create', { ...capacitor, quantity: 10 });
    await backend.ok('parts:create', { partNumber: 'PCB_MAIN', name: '主控板', fits: 'KFR-72LW', costFen: 30000, priceFen: 58000, reorderLevel: 1, location: 'B-01', quantity: 1 });
    await backend.ok('parts:create', { partNumber: 'REMOTE-9', name: '遥控器 100% 原装', costFen: 2000, priceFen: 3500, quantity: 0, active: false });
    const numbers = async (input: InputOf<'parts:list'>) => (await backend.ok('parts:list', input)).map((p) => p.partNumber);
    expect(await numbers({ query: 'kfr-35' })).toEqual(['CAP-35UF']);
    expect(await numbers({ query: '主控' })).toEqual(['PCB_MAIN']);
    expect(await numbers({ query: 'b-01' })).toEqual(['PCB_MAIN']);
    expect(await numbers({ query: '_' })).toEqual(['PCB_MAIN']);
    expect(await numbers({ query: '%' })).toEqual([]);
    expect(await numbers({ query: '%', includeInactive: true })).toEqual(['REMOTE-9']);
    expect(await numbers({ lowStockOnly: true })).toEqual(['PCB_MAIN']);
    expect(await numbers({ lowStockOnly: true, includeInactive: true })).toEqual(['PCB_MAIN', 'REMOTE-9']);
    expect(await numbers({})).toEqual(['CAP-35UF', 'PCB_MAIN']);
  });

  it('answers NOT_FOUND for a part that does not exist, and refuses bad amounts', async () => {
    for (const [channel, input] of [
      ['parts:receive', { partId: 404, quantity: 1 }],
      ['parts:adjust', { partId: 404, delta: 1, note: 'x' }],
      ['parts:moves', { id: 404 }],
      ['parts:update', { ...capacitor, id: 404 }],
    ] as const) {
      const error = await backend.fails(channel, input);
      expect(error.code, channel).toBe('NOT_FOUND');
      expect(error.details.message).toEqual({ key: 'stock.errors.partNotFound', params: { id: 404 } });
    }
    const part = await backend.ok('parts:create', { ...capacitor, quantity: 1 });
    expect((await backend.fails('parts:adjust', { partId: part.id, delta: 0, note: '盘点' })).details.fields?.delta).toEqual([{ key: 'validation.deltaZero' }]);
    expect((await backend.fails('parts:adjust', { partId: part.id, delta: 2, note: '  ' })).code).toBe('VALIDATION');
    expect((await backend.fails('parts:receive', { partId: part.id, quantity: 0 })).code).toBe('VALIDATION');
    expect((await backend.fails('parts:create', { ...capacitor, partNumber: 'X', priceFen: 12.5 })).code).toBe('VALIDATION');
    expect(stockOf(part.id)).toBe(1);
    expect(rows('stock_moves')).toBe(1);
  });
});

describe('technicians', () => {
  it('stores the phone normalised and the skills as a list, and lists active ones unless asked', async () => {
    const wang = await backend.ok('technicians:create', { name: '王师傅', phone: '139 1234 5678', skills: ['空调', '制冷', '空调'], certificateNo: 'ZL-2020-118' });
    expect(wang).toEqual({ id: wang.id, name: '王师傅', phone: '13912345678', skills: ['空调', '制冷'], certificateNo: 'ZL-2020-118', active: true, openTickets: 0 });
    const zhao = await backend.ok('technicians:create', { name: '赵工', phone: '0571-88886666', active: false });
    expect(zhao).toMatchObject({ skills: [], certificateNo: null, active: false });
    expect((await backend.ok('technicians:list', {})).map((t) => t.name)).toEqual(['王师傅']);
    expect((await backend.ok('technicians:list', { includeInactive: true })).map((t) => t.name)).toEqual(['王师傅', '赵工']);

    const edited = await backend.ok('technicians:update', { id: zhao.id, name: '赵工', phone: '0571-88886666', skills: ['电梯'], active: true });
    expect(edited).toMatchObject({ skills: ['电梯'], active: true });
    expect((await backend.fails('technicians:create', { name: '钱工', phone: '12345' })).details.fields?.phone).toEqual([{ key: 'validation.phone' }]);
    expect((await backend.fails('technicians:update', { id: 404, name: 'x', phone: '13912345678' })).details.message).toEqual({
      key: 'stock.errors.technicianNotFound',
      params: { id: 404 },
    });
    expect((await backend.fails('technicians:day', { date: '2026-11-22', technicianId: 404 })).code).toBe('NOT_FOUND');
    expect(await backend.ok('technicians:day', { date: '2026-11-22' })).toEqual([]);
  });
});

describe('labour fees', () => {
  it('starts with the seeded table and keeps names unique', async () => {
    const seeded = await backend.ok('fees:list', {});
    expect(seeded.map((f) => [f.name, f.amountFen])).toEqual([
      ['上门检测', 5000],
      ['一般维修', 10000],
      ['复杂维修', 20000],
    ]);
    const fee = await backend.ok('fees:create', { name: '清洗保养', amountFen: 8000 });
    expect(fee).toMatchObject({ name: '清洗保养', amountFen: 8000, active: true });
    expect((await backend.fails('fees:create', { name: '上门检测', amountFen: 6000 })).code).toBe('CONFLICT');
    const retired = await backend.ok('fees:update', { id: fee.id, name: '清洗保养', amountFen: 9000, active: false });
    expect(retired).toMatchObject({ amountFen: 9000, active: false });
    expect((await backend.ok('fees:list', {})).at(-1)).toEqual(retired);
    expect((await backend.fails('fees:update', { id: 404, name: 'x', amountFen: 1 })).code).toBe('NOT_FOUND');
    expect((await backend.fails('fees:create', { name: '负数', amountFen: -100 })).code).toBe('VALIDATION');
  });
});

describe('loaners', () => {
  it('keeps a pool of loaners, none out until lent', async () => {
    const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号', model: 'KFR-35GW', serial: 'BY-001' });
    expect(loaner).toEqual({ id: loaner.id, name: '备用空调 1 号', model: 'KFR-35GW', serial: 'BY-001', note: null, active: true, outOn: null });
    const edited = await backend.ok('loaners:update', { id: loaner.id, name: '备用空调 1 号', model: 'KFR-35GW', serial: 'BY-001', note: '遥控器一个', active: false });
    expect(edited).toMatchObject({ note: '遥控器一个', active: false });
    expect(await backend.ok('loaners:list', {})).toEqual([edited]);
    expect(await backend.ok('loans:list', {})).toEqual([]);
    expect((await backend.fails('loans:return', { id: 404 })).code).toBe('NOT_FOUND');
    expect((await backend.fails('loaners:update', { id: 404, name: 'x' })).code).toBe('NOT_FOUND');
  });
});
