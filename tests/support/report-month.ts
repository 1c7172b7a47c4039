import { openTestBackend, type TestBackend } from './backend';
import { seedModel } from './sample';

/*
 * A small month written row by row, every figure of the reports counted by hand from it (the
 * counts are in tests/backend/reports.test.ts beside each expectation, not computed). October
 * 2026 is the period; September is the previous one. The rows go straight into the real SQLite
 * file: the reports read what the desk stored, and typing these through the screens' channels
 * would need a clock walked through every minute of the month.
 */

export const at = (m: number, d: number, hh = 9, mm = 0) => new Date(2026, m - 1, d, hh, mm).getTime();
const H = 3_600_000;
const MIN = 60_000;
/** What the warranty engine answered when the ticket was opened, as the ticket pages read it. */
const ENGINE = JSON.stringify({ inWarranty: true, summary: 'active', reasons: [{ key: 'warranty.state.active', params: { end: '2027-01-01' } }] });

export interface ReportMonth {
  backend: TestBackend;
  ids: Record<string, number>;
}

export async function openReportMonth(): Promise<ReportMonth> {
  const clock = { now: new Date(2026, 10, 20, 10, 0) }; // 2026-11-20: October is over
  const backend = await openTestBackend(undefined, () => clock.now);
  await backend.ok('session:begin', { operator: '王芳' });
  return { backend, ids: await seedReportMonth(backend) };
}

/** Writes the month into a desk (the e2e's too); answers the ids of what it wrote. */
export async function seedReportMonth(backend: TestBackend): Promise<Record<string, number>> {
  await backend.ok('settings:update', { companyName: '杭州安信机电设备服务有限公司', hotline: '4008001234' });
  const a = await seedModel(backend, '格力', 'KFR-35GW');
  const b = await seedModel(backend, '美的', 'KFR-26GW');
  const c = await seedModel(backend, '爱普生', 'CB-X51');
  const db = backend.store.sqlite;
  const ids: Record<string, number> = { modelA: a.id, modelB: b.id, modelC: c.id };
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
  const version = (db.prepare('select id from warranty_policy_versions order by id limit 1').get() as { id: number }).id;
  const level = (db.prepare('select id from service_levels order by id limit 1').get() as { id: number }).id;
  ids.cust1 = run("insert into customers (kind, name, region, created_at, updated_at) values ('organisation', '西湖中学', 'urban', 0, 0)");
  ids.cust2 = run("insert into customers (kind, name, region, created_at, updated_at) values ('person', '张三', 'suburban', 0, 0)");
  const unit = (key: string, customer: number, model: number, status = 'inService', acceptance: string | null = '2025-01-01') => {
    ids[key] = run(
      'insert into units (customer_id, model_id, policy_version_id, serial, acceptance_date, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 0)',
      customer,
      model,
      version,
      `SN-${key.toUpperCase()}`,
      acceptance,
      status,
    );
  };
  // Model A: ten units in service; model B: three in service and one scrapped; model C: one, scrapped.
  for (let i = 1; i <= 10; i++) unit(`a${i}`, ids.cust1!, a.id);
  for (let i = 1; i <= 3; i++) unit(`b${i}`, ids.cust2!, b.id);
  unit('b4', ids.cust2!, b.id, 'scrapped');
  unit('c1', ids.cust2!, c.id, 'scrapped');
  ids.t1 = run("insert into technicians (name, phone, skills, active, created_at, updated_at) values ('李师傅', '13900001111', '[]', 1, 0, 0)");
  ids.t2 = run("insert into technicians (name, phone, skills, active, created_at, updated_at) values ('赵师傅', '13900002222', '[]', 0, 0, 0)");

  interface T {
    unit: string | null;
    customer: string;
    region: 'urban' | 'suburban';
    severity?: string;
    category: string;
    status: string;
    reported: number;
    due: [answer: number, arrival: number, fix: number];
    answered?: number | null;
    arrived?: number | null;
    resolved?: number | null;
    cancelled?: number | null;
    warranty: 0 | 1;
    paid?: number;
    phone?: 1;
    tech?: string;
  }
  const ticket = (key: string, t: T) => {
    ids[key] = run(
      `insert into tickets (number, source, customer_id, unit_id, unregistered_unit, solved_by_phone, fault_reported, fault_category, severity, region, service_level_id, status,
        reported_at, answer_due, arrival_due, fix_due, loaner_due, answered_at, arrived_at, resolved_at, closed_at, cancelled_at, warranty_engine, warranty_in, paid_fen, created_by, created_at, updated_at)
       values (?, 'phone', ?, ?, ?, ?, '故障', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)`,
      `GD-2026-${key.toUpperCase()}`,
      ids[t.customer],
      t.unit ? ids[t.unit] : null,
      t.unit ? null : JSON.stringify({ brand: '海尔', model: '旧冰箱', serial: null }),
      t.phone ?? 0,
      t.category,
      t.severity ?? 'ordinary',
      t.region,
      level,
      t.status,
      t.reported,
      t.due[0],
      t.due[1],
      t.due[2],
      t.reported + 48 * H,
      t.answered ?? null,
      t.arrived ?? null,
      t.resolved ?? null,
      t.status === 'closed' && t.resolved ? t.resolved + H : null,
      t.cancelled ?? null,
      ENGINE,
      t.warranty,
      t.paid ?? 0,
      t.reported,
      t.reported,
    );
    if (t.tech) run('insert into ticket_technicians (ticket_id, technician_id, lead, reported_at) values (?, ?, 1, ?)', ids[key], ids[t.tech], t.reported);
  };
  const due = (r: number, answer: number, arrival: number, fix: number): [number, number, number] => [r + answer, r + arrival, r + fix];
  // October.
  ticket('k1', { unit: 'a1', customer: 'cust1', region: 'urban', category: 'notCooling', status: 'closed', reported: at(10, 3), due: due(at(10, 3), 30 * MIN, 2 * H, 5.5 * H), answered: at(10, 3, 9, 10), arrived: at(10, 3, 10, 30), resolved: at(10, 3, 12), warranty: 1, tech: 't1' });
  ticket('k2', { unit: 'a1', customer: 'cust1', region: 'urban', category: 'notCooling', status: 'resolved', reported: at(10, 20), due: due(at(10, 20), 30 * MIN, 2 * H, 5.5 * H), answered: at(10, 20, 9, 40), arrived: at(10, 20, 10, 30), resolved: at(10, 20, 18), warranty: 1, tech: 't1' });
  ticket('k3', { unit: 'a2', customer: 'cust1', region: 'urban', severity: 'major', category: 'noise', status: 'closed', reported: at(10, 5, 10), due: due(at(10, 5, 10), 30 * MIN, 2 * H, 12 * H), answered: at(10, 5, 10, 5), arrived: at(10, 5, 14), resolved: at(10, 5, 15), warranty: 0, paid: 20000, tech: 't2' });
  ticket('k4', { unit: 'b1', customer: 'cust2', region: 'suburban', category: 'leak', status: 'onSite', reported: at(10, 10, 8), due: due(at(10, 10, 8), 30 * MIN, 12 * H, 11 * H), answered: at(10, 10, 8, 10), arrived: at(10, 10, 15), warranty: 1 });
  ticket('k5', { unit: 'b2', customer: 'cust2', region: 'suburban', category: 'noPower', status: 'cancelled', reported: at(10, 12), due: due(at(10, 12), 30 * MIN, 12 * H, 16 * H), cancelled: at(10, 12, 10), warranty: 1 });
  ticket('k6', { unit: 'b3', customer: 'cust2', region: 'suburban', category: 'electrical', status: 'closed', reported: at(10, 15), due: due(at(10, 15), 30 * MIN, 12 * H, 4 * H), answered: at(10, 15, 9, 20), resolved: at(10, 15, 10), warranty: 0, paid: 15000, phone: 1 });
  ticket('k7', { unit: null, customer: 'cust1', region: 'urban', category: 'other', status: 'new', reported: at(10, 25), due: due(at(10, 25), 30 * MIN, 2 * H, 6 * H), warranty: 0 });
  ticket('k10', { unit: 'c1', customer: 'cust2', region: 'suburban', category: 'display', status: 'closed', reported: at(10, 18), due: due(at(10, 18), 30 * MIN, 12 * H, 7 * H), answered: at(10, 18, 9, 10), arrived: at(10, 18, 12), resolved: at(10, 18, 13), warranty: 0 });
  // September: the previous period.
  ticket('k8', { unit: 'a3', customer: 'cust1', region: 'urban', category: 'notCooling', status: 'closed', reported: at(9, 15), due: due(at(9, 15), 30 * MIN, 2 * H, 6 * H), answered: at(9, 15, 9, 5), arrived: at(9, 15, 10), resolved: at(9, 15, 11), warranty: 1 });
  ticket('k9', { unit: 'b1', customer: 'cust2', region: 'suburban', category: 'leak', status: 'closed', reported: at(9, 10), due: due(at(9, 10), 30 * MIN, 12 * H, 16 * H), answered: at(9, 10, 9, 5), arrived: at(9, 10, 12), resolved: at(9, 10, 13), warranty: 1 });

  // Parts: P1 a compressor part, P2 without a component.
  ids.p1 = run("insert into parts (part_number, name, cost_fen, price_fen, quantity, component_key, created_at, updated_at) values ('PN-001', '压缩机', 5000, 8000, 10, null, 0, 0)");
  ids.p2 = run("insert into parts (part_number, name, cost_fen, price_fen, quantity, component_key, created_at, updated_at) values ('PN-002', '启动电容', 1000, 2500, 10, null, 0, 0)");
  const fit = (ticketKey: string, part: string, qty: number, warranty: 0 | 1, on: string, component: string | null) =>
    run(
      'insert into ticket_parts (ticket_id, part_id, quantity, price_fen, cost_fen, in_warranty, component_key, fitted_on, created_at) select ?, id, ?, price_fen, cost_fen, ?, ?, ?, 0 from parts where id = ?',
      ids[ticketKey],
      qty,
      warranty,
      component,
      on,
      ids[part],
    );
  fit('k1', 'p1', 1, 1, '2026-10-03', 'compressor');
  fit('k3', 'p2', 2, 0, '2026-10-05', null);
  fit('k5', 'p2', 1, 0, '2026-10-12', null); // on a cancelled ticket: not counted
  fit('k8', 'p1', 1, 1, '2026-09-15', 'compressor');
  run("insert into ticket_labour (ticket_id, name, amount_fen, quantity) values (?, '上门检修', 3000, 1)", ids.k1);
  run("insert into ticket_labour (ticket_id, name, amount_fen, quantity) values (?, '复修', 1500, 2)", ids.k2);
  const move = (part: string, delta: number, reason: string, when: number, ticketKey: string | null = null) =>
    run("insert into stock_moves (part_id, ticket_id, delta, reason, at, who) values (?, ?, ?, ?, ?, 'test')", ids[part], ticketKey ? ids[ticketKey] : null, delta, reason, when);
  move('p1', 10, 'receive', at(10, 1));
  move('p1', -1, 'use', at(10, 3), 'k1');
  move('p2', -2, 'use', at(10, 5), 'k3');
  move('p2', -1, 'adjust', at(10, 30));
  move('p2', 5, 'receive', at(9, 2));

  // Loaners.
  ids.loanerA = run("insert into loaners (name, created_at) values ('备用机 A', 0)");
  ids.loanerB = run("insert into loaners (name, created_at) values ('备用机 B', 0)");
  run("insert into loans (ticket_id, loaner_id, issued_at, expected_return, returned_at, who) values (?, ?, ?, '2026-10-20', null, 'test')", ids.k4, ids.loanerA, at(10, 10, 12));
  run("insert into loans (ticket_id, loaner_id, issued_at, expected_return, returned_at, who) values (?, ?, ?, '2026-10-10', ?, 'test')", ids.k3, ids.loanerB, at(10, 5, 16), at(10, 8));
  run("insert into loans (ticket_id, loaner_id, issued_at, expected_return, returned_at, who) values (?, null, ?, null, ?, 'test')", ids.k2, at(9, 28), at(10, 2));

  // Callbacks.
  const callback = (ticketKey: string, done: number, reached: 0 | 1, score: number | null, comments: string | null) =>
    run("insert into callbacks (ticket_id, due_on, done_at, reached, satisfaction, comments, who) values (?, '2026-10-01', ?, ?, ?, ?, 'test')", ids[ticketKey], done, reached, score, comments);
  callback('k1', at(10, 5), 1, 5, '很好');
  callback('k3', at(10, 7), 1, 3, null);
  callback('k6', at(10, 16), 0, null, null);
  callback('k8', at(10, 1, 8), 1, 4, '  ');

  // Complaints.
  const complaint = (n: string, customer: string, received: number, answerDue: number, answered: number | null, resolveDue: number, resolved: number | null, verdict: string | null) =>
    run(
      "insert into complaints (number, channel, content, customer_id, received_at, answer_due, answered_at, resolve_due, resolved_at, verdict, created_by, created_at, updated_at) values (?, 'phone', '等太久', ?, ?, ?, ?, ?, ?, ?, 'test', 0, 0)",
      n,
      ids[customer],
      received,
      answerDue,
      answered,
      resolveDue,
      resolved,
      verdict,
    );
  complaint('TS-1', 'cust1', at(10, 6, 10), at(10, 6, 12), at(10, 6, 11), at(10, 9, 10), at(10, 10, 10), 'acceptable');
  complaint('TS-2', 'cust2', at(10, 21), at(10, 21, 11), at(10, 21, 13), at(10, 25), null, null);

  // Contracts and visits.
  const contract = (n: string, customer: string, starts: string, ends: string, renewedFrom: number | null = null) =>
    run("insert into maintenance_contracts (number, customer_id, kind, starts_on, ends_on, renewed_from_id, created_by, created_at, updated_at) values (?, ?, 'paid', ?, ?, ?, 'test', 0, 0)", n, ids[customer], starts, ends, renewedFrom);
  ids.c1 = contract('WB-1', 'cust1', '2025-11-01', '2026-10-31');
  ids.c2 = contract('WB-2', 'cust1', '2026-11-01', '2027-10-31', ids.c1);
  ids.c3 = contract('WB-3', 'cust2', '2025-10-16', '2026-10-15');
  const visit = (n: string, c: number, dueOn: string, status: string) =>
    run("insert into visits (number, contract_id, kind, planned_on, due_on, status, created_at, updated_at) values (?, ?, 'inspection', ?, ?, ?, 0, 0)", n, c, dueOn, dueOn, status);
  visit('XJ-1', ids.c1!, '2026-10-08', 'done');
  visit('XJ-2', ids.c1!, '2026-10-22', 'missed');
  visit('XJ-3', ids.c3!, '2026-10-12', 'due');
  visit('XJ-4', ids.c3!, '2026-10-14', 'cancelled');
  visit('XJ-5', ids.c1!, '2026-11-05', 'due');
  return ids;
}
