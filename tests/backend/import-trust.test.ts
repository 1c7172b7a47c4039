import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { ImportOpened, ImportRowResult } from '../../shared/schemas/excel';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';
import { seedTrustDesk, writeSampleSheet, writeTrustSheet } from '../support/sample-sheet';

/*
 * Issue 13, part 10: an Excel import the clerk can trust. The preview names the customer each
 * row goes to (and will not pick one of several), the warranty policy is chosen per category,
 * and an import is undone as one step while nothing else has touched its rows.
 */

let backend: TestBackend;
let clock = new Date('2026-11-22T10:00:00+08:00');
let desk: Awaited<ReturnType<typeof seedTrustDesk>>;
let aircon: number;
beforeEach(async () => {
  clock = new Date('2026-11-22T10:00:00+08:00');
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
  desk = await seedTrustDesk(backend);
  aircon = (await backend.ok('models:list', { query: '' }))[0]!.policyId;
});
afterEach(async () => {
  await backend.close();
});

const zh = translator('zh-CN');
const en = translator('en');
const sqlite = () => backend.store.sqlite;
const rowOf = (rows: ImportRowResult[], row: number) => rows.find((r) => r.row === row)!;

async function openSheet(write: (file: string) => Promise<void>): Promise<ImportOpened> {
  backend.platform.openAnswer = join(backend.dir, 'sheet.xlsx');
  await write(backend.platform.openAnswer);
  return (await backend.ok('import:open', {}))!;
}
const input = (opened: ImportOpened, extra: object = {}) => ({ token: opened.token, sheet: opened.sheets[0]!.name, mapping: opened.sheets[0]!.suggested, ...extra });

/** Every row of the tables an import may touch (and of the search index), to prove what changed and what did not. */
function snapshot() {
  const tables = ['customers', 'customer_phones', 'customer_addresses', 'customer_contacts', 'customer_tags', 'units', 'unit_status_history', 'product_models', 'warranty_policies', 'tickets', 'search_keys'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = sqlite().prepare(`select * from ${table} order by 1, 2`).all();
  out.search_fts = sqlite().prepare('select rowid, text from search_fts order by rowid').all();
  out.import_batches = sqlite().prepare('select * from import_batches order by id').all();
  return out;
}

describe('the preview names the customer each row goes to, and why', () => {
  it('names the customer on file, the row above and the new one, each with the phone it matched on', async () => {
    const zhang = await backend.ok('customers:create', person({ name: '张三丰', phones: [{ phone: '13812345678' }] }));
    const opened = await openSheet(async (file) => {
      await writeSampleSheet(file);
    });
    const preview = await backend.ok('import:preview', input(opened, { categoryPolicies: [{ category: '', policyId: aircon }] }));
    expect(rowOf(preview.rows, 2)).toMatchObject({ customer: 'new', targetName: '李明', targetId: null, targetPhone: '13900001111', reason: 'phoneNotOnFile', candidates: [] });
    expect(rowOf(preview.rows, 3)).toMatchObject({ customer: 'sameAsAbove', targetName: '李明', targetRow: 2, targetPhone: '13900001111', reason: 'sameNameAndPhone' });
    expect(rowOf(preview.rows, 8)).toMatchObject({ customer: 'existing', targetName: '赵磊', targetId: desk.zhao.id, targetPhone: '13700002222', reason: 'sameNameAndPhone' });

    // The same name written otherwise (traditional characters, spaces) is said to be so.
    const opened2 = await openSheet(async (file) => {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户设备');
      sheet.addRow(['客户名称', '联系电话']);
      sheet.addRow([' 張三豐 ', '138-1234-5678']);
      await workbook.xlsx.writeFile(file);
    });
    const alike = await backend.ok('import:preview', input(opened2));
    expect(alike.rows[0]).toMatchObject({ customer: 'existing', targetId: zhang.id, targetName: '张三丰', targetPhone: '13812345678', reason: 'nameWrittenAlikeAndPhone' });
  });

  it('does not file a row under either of two customers sharing its name and phone: it waits for the clerk, who chooses or skips', async () => {
    const opened = await openSheet(writeTrustSheet);
    const before = snapshot();
    const preview = await backend.ok('import:preview', input(opened));
    const row = rowOf(preview.rows, 5);
    expect(row).toMatchObject({ ok: false, customer: 'ambiguous', reason: 'several', problems: [], targetId: null });
    expect(row.candidates).toEqual([
      { id: desk.qihang1.id, row: null, name: '杭州启航物业', phone: '0571-88001122', address: '杭州市滨江区江南大道 100 号', archived: false },
      { id: desk.qihang2.id, row: null, name: '杭州启航物业', phone: '0571-88001122', address: '杭州市滨江区江南大道 102 号', archived: false },
    ]);
    expect(preview).toMatchObject({ ambiguousCount: 1, skippedCount: 0 });
    // Its lift (and the lift's new model) is not counted as imported until the clerk chooses.
    expect(preview.newModels).not.toContain('奥的斯 GeN2-MRL');

    // Confirmed without a choice: the row is listed as not imported, its unit nowhere.
    const left = await backend.ok('import:commit', input(opened));
    expect(rowOf(left.rejected, 5)).toMatchObject({ customer: 'ambiguous' });
    expect(await backend.ok('units:findBySerial', { serial: 'TR-0004' })).toEqual([]);
    expect(before.customers).toEqual(snapshot().customers!.filter((c) => (c as { name: string }).name !== '李明'));

    // Chosen: the second one on file gets the lift; named as the clerk's choice.
    const again = await openSheet(async (file) => {
      await writeTrustSheet(file);
    });
    await backend.ok('import:undo', { batchId: left.batch.id });
    const chosen = { customerChoices: [{ row: 5, choice: { customerId: desk.qihang2.id } }] };
    const checked = await backend.ok('import:preview', input(again, chosen));
    expect(rowOf(checked.rows, 5)).toMatchObject({ ok: true, customer: 'existing', targetId: desk.qihang2.id, reason: 'chosen' });
    expect(rowOf(checked.rows, 5).candidates).toHaveLength(2);
    expect(checked.ambiguousCount).toBe(0);
    await backend.ok('import:commit', input(again, chosen));
    expect((await backend.ok('units:findBySerial', { serial: 'TR-0004' }))[0]).toMatchObject({ customerId: desk.qihang2.id });
    expect((await backend.ok('customers:get', { id: desk.qihang1.id })).unitCount).toBe(0);
  });

  it('skips a row the clerk skips, and refuses a choice that is not one of the row’s customers, importing nothing', async () => {
    const opened = await openSheet(writeTrustSheet);
    const skipped = await backend.ok('import:preview', input(opened, { customerChoices: [{ row: 5, choice: 'skip' }] }));
    expect(rowOf(skipped.rows, 5)).toMatchObject({ ok: false, customer: 'skipped', reason: 'chosen' });
    expect(skipped).toMatchObject({ ambiguousCount: 0, skippedCount: 1 });

    const before = snapshot();
    const wrong = await backend.fails('import:commit', input(opened, { customerChoices: [{ row: 5, choice: { customerId: desk.zhao.id } }] }));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.details.message).toEqual({ key: 'errors.importChoiceStale', params: { row: 5 } });
    expect(zh(wrong.details.message!.key, wrong.details.message!.params ?? {})).toContain('第 5 行');
    expect(snapshot()).toEqual(before);
  });

  it('files a row under the one of two customers sharing a phone whose name it has, and names it', async () => {
    const wang = await backend.ok('customers:create', person({ name: '王芳', phones: [{ phone: '13900009999' }] }));
    await backend.ok('customers:create', person({ name: '王建国', phones: [{ phone: '13900009999' }] }));
    const opened = await openSheet(async (file) => {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户设备');
      sheet.addRow(['客户名称', '联系电话']);
      sheet.addRow(['王芳', '13900009999']);
      await workbook.xlsx.writeFile(file);
    });
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview.rows[0]).toMatchObject({ ok: true, customer: 'existing', targetId: wang.id, targetName: '王芳', reason: 'sameNameAndPhone', candidates: [], warnings: [] });
  });

  it('asks when a row agrees with a customer on file and with the new customer of a row above', async () => {
    const onFile = await backend.ok('customers:create', person({ name: '孙丽', phones: [{ phone: '13500004444' }] }));
    const opened = await openSheet(async (file) => {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户设备');
      sheet.addRow(['客户名称', '联系电话', '备用电话']);
      sheet.addRow(['孙丽', '13600005555', '']);
      sheet.addRow(['孙丽', '13600005555', '13500004444']);
      await workbook.xlsx.writeFile(file);
    });
    const preview = await backend.ok('import:preview', input(opened));
    expect(rowOf(preview.rows, 2)).toMatchObject({ customer: 'new' });
    expect(rowOf(preview.rows, 3)).toMatchObject({ customer: 'ambiguous' });
    expect(rowOf(preview.rows, 3).candidates.map((c) => [c.id, c.row, c.phone])).toEqual([
      [onFile.id, null, '13500004444'],
      [null, 2, '13600005555'],
    ]);
    const result = await backend.ok('import:commit', input(opened, { customerChoices: [{ row: 3, choice: { sameAsRow: 2 } }] }));
    expect(result).toMatchObject({ customersCreated: 1, customersReused: 1, rejected: [] });
  });
});

describe('the warranty policy is chosen per product category', () => {
  it('suggests a policy for each category from the desk’s own records, and asks where nothing suggests one', async () => {
    const opened = await openSheet(writeTrustSheet);
    const preview = await backend.ok('import:preview', input(opened));
    expect(preview.categories).toEqual([
      { category: '空调', rows: 3, newModels: ['美的 KFR-26GW'], policyId: aircon, source: 'sameCategory' },
      { category: '电梯', rows: 1, newModels: ['奥的斯 GeN2-MRL'], policyId: desk.liftPolicyId, source: 'policyName' },
      { category: '投影仪', rows: 1, newModels: ['爱普生 CB-X50'], policyId: null, source: 'none' },
    ]);
    const projector = rowOf(preview.rows, 6);
    expect(projector.problems).toEqual([
      { column: '型号', message: { key: 'import.modelNeedsPolicy', params: { brand: '爱普生', model: 'CB-X50', category: '投影仪' } } },
    ]);
    expect(zh(projector.problems[0]!.message.key, projector.problems[0]!.message.params ?? {})).toContain('“投影仪”');
    expect(en(projector.problems[0]!.message.key, projector.problems[0]!.message.params ?? {})).toContain('“投影仪”');
  });

  it('gives each category’s new models the policy chosen for that category', async () => {
    const opened = await openSheet(writeTrustSheet);
    const choices = {
      categoryPolicies: [{ category: '投影仪', policyId: desk.projectorPolicyId }],
      customerChoices: [{ row: 5, choice: { customerId: desk.qihang1.id } }],
    };
    const preview = await backend.ok('import:preview', input(opened, choices));
    expect(preview.categories.map((c) => [c.category, c.policyId, c.source])).toEqual([
      ['空调', aircon, 'sameCategory'],
      ['电梯', desk.liftPolicyId, 'policyName'],
      ['投影仪', desk.projectorPolicyId, 'chosen'],
    ]);
    expect(preview).toMatchObject({ okCount: 5, errorCount: 0 });
    const result = await backend.ok('import:commit', input(opened, choices));
    expect(result).toMatchObject({ modelsCreated: 3, unitsCreated: 5 });
    const models = await backend.ok('models:list', { query: '' });
    const policyOf = (brand: string) => models.find((m) => m.brand === brand)!.policyId;
    expect([policyOf('格力'), policyOf('美的'), policyOf('奥的斯'), policyOf('爱普生')]).toEqual([aircon, aircon, desk.liftPolicyId, desk.projectorPolicyId]);
    expect(models.find((m) => m.brand === '爱普生')!.category).toBe('投影仪');
    // Each unit is under its category's policy: the projector's lamp is covered 3 months.
    const [projector] = await backend.ok('units:findBySerial', { serial: 'TR-0005' });
    expect((await backend.ok('units:get', { id: projector!.id })).policy.components.map((c) => c.key)).toEqual(['whole', 'lamp']);
    const [lift] = await backend.ok('units:findBySerial', { serial: 'TR-0004' });
    expect((await backend.ok('units:get', { id: lift!.id })).policy.basis).toBe('acceptance');
  });

  it('says a category whose models are all on file keeps their own policies, and refuses a policy that does not exist', async () => {
    const opened = await openSheet(writeTrustSheet);
    const before = snapshot();
    const stale = await backend.fails('import:commit', input(opened, { categoryPolicies: [{ category: '投影仪', policyId: 999_999 }] }));
    expect(stale.details.message).toEqual({ key: 'errors.policyNotFound', params: { id: 999_999 } });
    expect(snapshot()).toEqual(before);
    // Models already on file: the category needs no policy.
    await backend.ok('models:create', { brand: '美的', model: 'KFR-26GW', category: '空调', policyId: aircon });
    const onFile = await backend.ok('import:preview', input(opened, { customerChoices: [{ row: 5, choice: 'skip' }] }));
    expect(onFile.categories[0]).toEqual({ category: '空调', rows: 3, newModels: [], policyId: null, source: 'onFile' });
  });

  it('lists only the models the import will create: not those of a row skipped or refused for something else', async () => {
    const opened = await openSheet(async (file) => {
      await writeTrustSheet(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      // A fridge whose row has a short phone: refused, so its model is not created.
      workbook.getWorksheet('客户设备')!.addRow(['孙丽', '1390000', '', '海尔', 'BCD-216', '空调', 'TR-0006', '2026-05-11']);
      await workbook.xlsx.writeFile(file);
    });
    // The lift's row is skipped.
    const preview = await backend.ok('import:preview', input(opened, { customerChoices: [{ row: 5, choice: 'skip' }] }));
    expect(rowOf(preview.rows, 7).ok).toBe(false);
    expect(preview.newModels).toEqual(['美的 KFR-26GW']);
    expect(preview.categories.map((c) => [c.category, c.rows, c.newModels, c.source])).toEqual([
      ['空调', 4, ['美的 KFR-26GW'], 'sameCategory'],
      ['电梯', 1, [], 'noneNew'],
      ['投影仪', 1, ['爱普生 CB-X50'], 'none'],
    ]);
    expect(zh('importer.categories.source.noneNew')).toContain('不新建型号');
    // Once a policy is chosen, the projector row (waiting only on that) goes in with its model.
    const chosen = await backend.ok('import:preview', input(opened, { customerChoices: [{ row: 5, choice: 'skip' }], categoryPolicies: [{ category: '投影仪', policyId: desk.projectorPolicyId }] }));
    expect(chosen.newModels).toEqual(['美的 KFR-26GW', '爱普生 CB-X50']);
  });
});

describe('an import is undone as one step while nothing else has touched its rows', () => {
  async function importSample() {
    const opened = await openSheet(writeSampleSheet);
    // Its 杭州启航物业 is on file twice: the clerk makes the row a customer of its own.
    return backend.ok('import:commit', input(opened, { categoryPolicies: [{ category: '', policyId: aircon }], customerChoices: [{ row: 5, choice: 'new' }] }));
  }

  it('keeps each import as a batch and removes exactly what it created, leaving what was there and what came after', async () => {
    const before = snapshot();
    const result = await importSample();
    expect(result.batch).toMatchObject({ fileName: 'sheet.xlsx', sheet: '客户设备', operator: '王芳', customersCreated: 3, customersReused: 2, unitsCreated: 4, modelsCreated: 2, rowsNotImported: 2, undoneAt: null });
    expect(await backend.ok('import:batches', {})).toEqual([result.batch]);
    // Someone added afterwards, untouched by the import: stays.
    const later = await backend.ok('customers:create', person({ name: '周八', phones: [{ phone: '13300008888' }] }));
    const afterLater = snapshot();
    expect(await backend.ok('import:undoCheck', { batchId: result.batch.id })).toMatchObject({ blockers: [], blockerCount: 0, needsAdmin: false });

    const undone = await backend.ok('import:undo', { batchId: result.batch.id });
    expect(undone).toMatchObject({ id: result.batch.id, undoneBy: '王芳', undoneAt: clock.getTime() });
    const now = snapshot();
    const withoutLater = <T>(rows: T[], key: keyof T) => rows.filter((r) => r[key] !== later.id);
    for (const table of ['customers', 'customer_phones', 'customer_addresses', 'units', 'unit_status_history', 'product_models', 'warranty_policies', 'tickets'] as const) {
      const idKey = table === 'customers' ? 'id' : 'customer_id';
      const strip = (rows: unknown[]) => (table.startsWith('customer') ? withoutLater(rows as Record<string, unknown>[], idKey as never) : rows);
      expect(strip(now[table]!), table).toEqual(strip(before[table]!));
    }
    expect(now.customers).toContainEqual(expect.objectContaining({ id: later.id, name: '周八' }));
    expect(afterLater.customers!.length - now.customers!.length).toBe(3);
    expect(await backend.ok('search:query', { query: 'lm' })).toEqual([]);
    expect(await backend.ok('units:findBySerial', { serial: 'IMP-0006' })).toEqual([]);
    expect((await backend.ok('customers:list', { query: '赵磊' })).items).toMatchObject([{ unitCount: 0 }]);

    // Logged as one change, row by row.
    const [change] = (await backend.ok('audit:list', { channel: 'import:undo' })).items;
    expect(change).toMatchObject({ operator: '王芳' });
    const detail = await backend.ok('audit:get', { id: change!.id });
    const deleted = (table: string) => detail.rows.filter((r) => r.table === table && r.op === 'delete').length;
    expect([deleted('customers'), deleted('units'), deleted('product_models'), deleted('customer_phones')]).toEqual([3, 4, 2, 3]);
    expect(detail.rows.filter((r) => r.op !== 'delete').map((r) => r.table)).toEqual(['import_batches']);

    const twice = await backend.fails('import:undo', { batchId: result.batch.id });
    expect(twice).toMatchObject({ code: 'CONFLICT', details: { message: { key: 'errors.importAlreadyUndone', params: { file: 'sheet.xlsx' } } } });
    expect((await backend.ok('import:batches', {}))[0]).toMatchObject({ undoneBy: '王芳' });
  });

  it('counts a call logged about an imported unit once, though it names both the customer and the unit', async () => {
    const result = await importSample();
    const [unit] = await backend.ok('units:findBySerial', { serial: 'IMP-0001' });
    await backend.ok('calls:log', { customerId: unit!.customerId, unitId: unit!.id, purpose: 'consultation', outcome: 'solvedByPhone', notes: '询问滤网清洗' });
    const check = await backend.ok('import:undoCheck', { batchId: result.batch.id });
    expect(check.blockers).toEqual([{ key: 'import.changedSince.other', params: { table: 'calls', count: 1 } }]);
  });

  it('is refused once a ticket is opened on one of its units, naming the ticket, and changes nothing', async () => {
    const result = await importSample();
    const [unit] = await backend.ok('units:findBySerial', { serial: 'IMP-0001' });
    const ticket = await backend.ok('tickets:create', { customerId: unit!.customerId, unitId: unit!.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    const check = await backend.ok('import:undoCheck', { batchId: result.batch.id });
    expect(check.blockers).toEqual([{ key: 'import.changedSince.ticketOnUnit', params: { number: ticket.number, serial: 'IMP-0001', customer: '李明' } }]);

    const before = snapshot();
    const changes = (sqlite().prepare('select count(*) as n from audit_changes').get() as { n: number }).n;
    const refused = await backend.fails('import:undo', { batchId: result.batch.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details.message).toEqual({ key: 'errors.importChangedSince', params: { file: 'sheet.xlsx', count: 1 } });
    expect(refused.details.blockers).toEqual(check.blockers);
    const sentence = zh('import.changedSince.ticketOnUnit', check.blockers[0]!.params ?? {});
    expect(sentence).toContain(ticket.number);
    expect(sentence).toContain('IMP-0001');
    expect(en(refused.details.message!.key, refused.details.message!.params ?? {})).toContain('cannot be undone');
    expect(snapshot()).toEqual(before);
    expect((sqlite().prepare('select count(*) as n from audit_changes').get() as { n: number }).n).toBe(changes);
  });

  it('is refused once one of its customers is edited, naming the customer, and changes nothing', async () => {
    const result = await importSample();
    const [li] = (await backend.ok('customers:list', { query: '李明' })).items;
    await backend.ok('customers:update', { id: li!.id, ...person({ name: '李明', phones: [{ phone: '13900001111' }], addresses: [{ address: '杭州市上城区解放路 1 号 2 幢', isDefault: true }] }) });
    const before = snapshot();
    const refused = await backend.fails('import:undo', { batchId: result.batch.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details.blockers).toEqual([{ key: 'import.changedSince.customerEdited', params: { customer: '李明' } }]);
    expect(snapshot()).toEqual(before);
  });

  it('names each kind of later work on its rows: a unit edited, a unit added by hand, a model used again', async () => {
    const result = await importSample();
    const [lift] = await backend.ok('units:findBySerial', { serial: 'IMP-0004' });
    await backend.ok('units:setStatus', { id: lift!.id, status: 'atWorkshop', note: null });
    const [li] = (await backend.ok('customers:list', { query: '李明' })).items;
    const midea = (await backend.ok('models:list', { query: 'KFR-26GW' }))[0]!;
    await backend.ok('units:create', { customerId: desk.zhao.id, modelId: midea.id, serial: 'HAND-0002' });
    await backend.ok('units:create', { customerId: li!.id, modelId: midea.id, serial: 'HAND-0001' });
    const check = await backend.ok('import:undoCheck', { batchId: result.batch.id });
    expect(check.blockerCount).toBe(3);
    expect(check.blockers).toEqual(
      expect.arrayContaining([
        { key: 'import.changedSince.unitEdited', params: { serial: 'IMP-0004', customer: '杭州启航物业' } },
        { key: 'import.changedSince.modelUsed', params: { brand: '美的', model: 'KFR-26GW', serial: 'HAND-0002' } },
        { key: 'import.changedSince.unitAdded', params: { serial: 'HAND-0001', customer: '李明' } },
      ]),
    );
    // A table the checks do not know by name is still named, in the reader's language.
    expect(zh('import.changedSince.other', { table: 'loans', count: 2 })).toBe('“借机”中有 2 条记录用到了本次导入的数据');
    expect(en('import.changedSince.other', { table: 'loans', count: 2 })).toContain('“Loan”');
  });

  it('asks for the admin PIN to undo an import made on an earlier day', async () => {
    const result = await importSample();
    await backend.ok('session:setPin', { next: '2580' });
    await backend.ok('session:lock', {});
    clock = new Date('2026-11-23T09:00:00+08:00');
    expect((await backend.ok('import:undoCheck', { batchId: result.batch.id })).needsAdmin).toBe(true);
    expect((await backend.fails('import:undo', { batchId: result.batch.id })).code).toBe('PIN_REQUIRED');
    await backend.ok('session:unlock', { pin: '2580' });
    expect(await backend.ok('import:undo', { batchId: result.batch.id })).toMatchObject({ undoneBy: '王芳' });
  });
});
