import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportOpened } from '../../shared/schemas/excel';
import { openTestBackend, type TestBackend } from './backend';
import { person, seedModel } from './sample';

/*
 * Two desks for the round trips of issue 24: one filled with customers that have several phones,
 * addresses and contacts and units with every date, which exports; an empty one, which imports.
 */

const open: TestBackend[] = [];
export async function closeDesks() {
  while (open.length) await open.pop()!.close();
}
export async function desk(): Promise<TestBackend> {
  const b = await openTestBackend(undefined, () => new Date('2026-11-22T10:00:00+08:00'));
  open.push(b);
  return b;
}

export async function filled(): Promise<TestBackend> {
  const a = await desk();
  const gree = await seedModel(a, '格力', 'KFR-35GW');
  const midea = await a.ok('models:create', { brand: '美的', model: 'KFR-26GW', category: '空调', policyId: gree.policyId });
  const zhang = await a.ok(
    'customers:create',
    person({
      name: '张三',
      kind: 'organisation',
      region: 'suburban',
      phones: [{ phone: '13900001111' }, { phone: '0571-87654321' }],
      addresses: [
        { address: '杭州市西湖区文三路1号，3楼', isDefault: true },
        { address: '宁波市海曙区中山路3号', isDefault: false },
      ],
      contacts: [{ name: '王经理', role: '采购', phone: '13800002222' }, { name: '小李' }],
      tags: ['大客户', '合同'],
      note: '周末不上门',
    }),
  );
  const ji = await a.ok('customers:create', person({ name: '吉𠮷', phones: [{ phone: '021-58889999' }], addresses: [] }));
  await a.ok('units:create', {
    customerId: zhang.id,
    modelId: gree.id,
    serial: '00123',
    purchaseDate: '2025-03-01',
    installDate: '2025-03-03',
    acceptanceDate: '2025-03-05',
    productionDate: '2024-12-31',
    invoiceNumber: '000456',
    siteAddress: '杭州市西湖区文三路1号',
    locationNote: '机房北墙',
  });
  await a.ok('units:create', { customerId: ji.id, modelId: midea.id, serial: 'MD0002', purchaseDate: '2024-02-29' });
  return a;
}

export async function exported(b: TestBackend, list: 'customers' | 'units' | 'tickets', name: string, extra = {}): Promise<string> {
  const file = join(b.dir, name);
  b.platform.saveAnswer = file;
  expect((await b.ok('export:list', { list, ...extra })).savedTo).toBe(file);
  return file;
}
export async function importAll(b: TestBackend, file: string, policyId: number) {
  b.platform.openAnswer = file;
  const opened: ImportOpened = (await b.ok('import:open', {}))!;
  const input = { token: opened.token, sheet: opened.sheets[0]!.name, mapping: opened.sheets[0]!.suggested, categoryPolicies: [{ category: '空调', policyId }] };
  const preview = await b.ok('import:preview', input);
  expect(preview.errorCount).toBe(0);
  return b.ok('import:commit', input);
}

