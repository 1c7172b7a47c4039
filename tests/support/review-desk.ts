import type { TicketDetail } from '../../shared/schemas/ticket';
import { openTestBackend, type TestBackend } from './backend';
import { person, seedModel } from './sample';

/**
 * A desk with a movable clock, for the supervisor's check and the survey: a customer, a unit,
 * two technicians, and tickets driven to "resolved" the way the desk does it.
 */
export interface ReviewDesk {
  backend: TestBackend;
  /** The desk's clock, read by the backend for every stamp. */
  clock: { now: Date };
  at(y: number, m: number, d: number, hh?: number, mm?: number): void;
  later(minutes: number): void;
  seed(): Promise<{ customerId: number; unitId: number; techA: number; techB: number }>;
  /** A new ticket for the seeded unit, worked by `technicians` and resolved now. */
  resolved(s: { customerId: number; unitId: number }, technicians: number[]): Promise<TicketDetail>;
}

export async function openReviewDesk(): Promise<ReviewDesk> {
  const clock = { now: new Date(2026, 8, 14, 9, 0) }; // Monday 2026-09-14 09:00 local
  const backend = await openTestBackend(undefined, () => clock.now);
  await backend.ok('settings:update', { companyName: '杭州惠民制冷设备有限公司', hotline: '4008123456' });
  await backend.ok('session:begin', { operator: '王芳' });
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };
  let serial = 0;
  return {
    backend,
    clock,
    at: (y, m, d, hh = 9, mm = 0) => {
      clock.now = new Date(y, m - 1, d, hh, mm);
    },
    later,
    async seed() {
      const model = await seedModel(backend);
      const customer = await backend.ok('customers:create', person({ region: 'urban' }));
      serial += 1;
      const unit = await backend.ok('units:create', {
        customerId: customer.id,
        modelId: model.id,
        serial: `SN-REVIEW-${serial}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        purchaseDate: '2026-05-01',
        acceptanceDate: '2026-05-01',
        invoiceNumber: 'FP001',
      });
      const a = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: ['空调'] });
      const b = await backend.ok('technicians:create', { name: '赵师傅', phone: '13900002222', skills: ['空调'] });
      return { customerId: customer.id, unitId: unit.id, techA: a.id, techB: b.id };
    },
    async resolved(s, technicians) {
      let t = await backend.ok('tickets:create', { customerId: s.customerId, unitId: s.unitId, faultReported: '开机后不制冷', faultCategory: 'notCooling' });
      later(5);
      await backend.ok('tickets:transition', { id: t.id, to: 'answered' });
      await backend.ok('tickets:assign', { id: t.id, technicianIds: technicians });
      later(5);
      await backend.ok('tickets:transition', { id: t.id, to: 'dispatched' });
      later(30);
      await backend.ok('tickets:transition', { id: t.id, to: 'onSite' });
      await backend.ok('tickets:recordWork', { id: t.id, diagnosis: '电容损坏', cause: '老化', action: '更换启动电容', onSiteMinutes: 40 });
      later(40);
      t = await backend.ok('tickets:transition', { id: t.id, to: 'resolved' });
      return t;
    },
  };
}
