import type { CustomerCreateInput } from '../../shared/schemas/customer';
import type { InputOf } from '../../shared/contract';
import type { TestBackend } from './backend';

type TicketCreateInput = InputOf<'tickets:create'>;

/** A split-air-conditioner policy as the seeds describe: unit 1 year, accessories 6 months, compressor 3 years. */
export const AIRCON_POLICY = {
  name: '家用空调标准保修',
  basis: 'acceptance' as const,
  components: [
    { key: 'whole', name: '整机', months: 12 },
    { key: 'accessories', name: '配件（遥控器、线缆）', months: 6 },
    { key: 'compressor', name: '压缩机', months: 36 },
  ],
};

export async function seedModel(backend: TestBackend, brand = '格力', model = 'KFR-35GW') {
  const policy = await backend.ok('policies:create', AIRCON_POLICY);
  return backend.ok('models:create', { brand, model, category: '空调', policyId: policy.id });
}

export function person(overrides: Partial<CustomerCreateInput> = {}): CustomerCreateInput {
  return {
    name: '张三',
    phones: [{ phone: '13812345678' }],
    addresses: [{ address: '浙江省杭州市西湖区文三路 90 号', isDefault: true }],
    ...overrides,
  };
}

/** A phone call about a unit not registered yet: the quickest ticket a test can open. */
export function phoneTicket(customerId: number, overrides: Partial<TicketCreateInput> = {}): TicketCreateInput {
  return {
    source: 'phone',
    customerId,
    unitId: null,
    unregisteredUnit: { brand: '美的', model: 'KFR-26', serial: null },
    faultReported: '不制冷',
    faultCategory: 'notCooling',
    severity: 'ordinary',
    ...overrides,
  };
}
