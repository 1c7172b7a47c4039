import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import type { PrintingSettings } from '../../shared/schemas/printing';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, phoneTicket, seedModel } from '../support/sample';

let backend: TestBackend;
let unitId: number;
let ticketId: number;
const company = { companyName: '杭州安信机电设备服务有限公司', hotline: '400-800-1234' };
const DEFAULTS = { printer: null, paper: 'A4' as const, copies: 1, silent: false };

/** Every kind as a new install has it, with the changes given. */
function printing(changes: Partial<{ [K in keyof PrintingSettings]: Partial<PrintingSettings[K]> }> = {}): PrintingSettings {
  return {
    warrantyCard: { ...DEFAULTS, ...changes.warrantyCard },
    dispatchOrder: { ...DEFAULTS, ...changes.dispatchOrder },
    repairIntake: { ...DEFAULTS, ...changes.repairIntake },
    repairCompletion: { ...DEFAULTS, ...changes.repairCompletion },
    inspectionForm: { ...DEFAULTS, ...changes.inspectionForm },
    faultStats: { ...DEFAULTS, ...changes.faultStats },
    inspectionPlan: { ...DEFAULTS, ...changes.inspectionPlan },
    batchPrint: { ...DEFAULTS, ...changes.batchPrint },
    renewalNotice: { ...DEFAULTS, ...changes.renewalNotice },
    serviceEndNote: { ...DEFAULTS, ...changes.serviceEndNote },
    callSummary: { ...DEFAULTS, ...changes.callSummary },
    acceptanceCertificate: { ...DEFAULTS, ...changes.acceptanceCertificate },
    manual: { ...DEFAULTS, ...changes.manual },
    reportPack: { ...DEFAULTS, ...changes.reportPack },
    settlementForm: { ...DEFAULTS, ...changes.settlementForm },
    scrapRecord: { ...DEFAULTS, ...changes.scrapRecord },
    feedbackForm: { ...DEFAULTS, ...changes.feedbackForm },
    feeList: { ...DEFAULTS, ...changes.feeList },
    makerReturns: { ...DEFAULTS, ...changes.makerReturns },
    claimForm: { ...DEFAULTS, ...changes.claimForm },
  };
}

beforeEach(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T09:30:00+08:00'));
  await backend.ok('settings:update', company);
  const customer = await backend.ok('customers:create', person({ name: '张三丰', addresses: [{ address: '浙江省杭州市西湖区文三路 90 号' }] }));
  const model = await seedModel(backend);
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'GL2026A0001', purchaseDate: '2026-03-01' });
  unitId = unit.id;
  ticketId = (await backend.ok('tickets:create', phoneTicket(customer.id, { unitId }))).id;
});
afterEach(async () => {
  await backend.close();
});

const stored = () => backend.store.sqlite.prepare(`select value from settings where key = 'printing'`).get() as { value: string } | undefined;

describe('printing settings', () => {
  it('lists the printers the system has, the default marked', async () => {
    expect(await backend.ok('settings:printers', {})).toEqual([
      { name: 'tray', isDefault: true },
      { name: 'HP LaserJet Pro M404', isDefault: false },
      { name: 'Epson LQ-630KII', isDefault: false },
    ]);
  });

  it('starts every kind on the default printer, A4, one copy, asking', async () => {
    expect((await backend.ok('settings:get', {})).printing).toEqual(printing());
  });

  it('keeps what the clerk sets per kind', async () => {
    const wanted = printing({
      repairIntake: { printer: 'Epson LQ-630KII', paper: 'C241', copies: 3, silent: true },
      warrantyCard: { paper: 'A5', copies: 2 },
    });
    const saved = await backend.ok('settings:update', { printing: wanted });
    expect(saved.printing).toEqual(wanted);
    expect((await backend.ok('settings:get', {})).printing).toEqual(wanted);
  });

  it('refuses copies outside 1–5, a paper the kind is not laid out for and an unknown printer, and changes nothing', async () => {
    const bad = printing({
      warrantyCard: { paper: 'C241' as 'A4' },
      dispatchOrder: { copies: 6 },
      repairIntake: { copies: 0 },
      repairCompletion: { copies: 1.5 },
    });
    const error = await backend.fails('settings:update', { printing: bad });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields).toEqual({
      'printing.warrantyCard.paper': [{ key: 'validation.paperNotForKind' }],
      'printing.dispatchOrder.copies': [{ key: 'validation.copies' }],
      'printing.repairIntake.copies': [{ key: 'validation.copies' }],
      'printing.repairCompletion.copies': [{ key: 'validation.wholeNumber' }],
    });
    const t = translator('zh-CN');
    expect(t('validation.paperNotForKind')).toBe('这种单据不能用这种纸打印');
    expect(t('validation.copies')).toBe('份数为 1 到 5 份');

    const unknown = await backend.fails('settings:update', { printing: printing({ dispatchOrder: { printer: 'Canon 不存在' } }) });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details.fields).toEqual({ 'printing.dispatchOrder.printer': [{ key: 'errors.printerUnknown', params: { printer: 'Canon 不存在' } }] });
    expect(translator('en')('errors.printerUnknown', { printer: 'Canon X' })).toContain('no printer named “Canon X”');

    // A kind left out, or one the desk does not print, is refused as a whole.
    const { repairCompletion: _left, ...missing } = printing();
    expect((await backend.fails('settings:update', { printing: missing })).code).toBe('VALIDATION');
    expect((await backend.fails('settings:update', { printing: { ...printing(), receipt: DEFAULTS } })).code).toBe('VALIDATION');
    expect(stored()).toBeUndefined();
    expect((await backend.ok('settings:get', {})).printing).toEqual(printing());
  });

  it('gives a kind an older version never stored its defaults', async () => {
    backend.store.sqlite
      .prepare(`insert into settings (key, value) values ('printing', ?)`)
      .run(JSON.stringify({ repairIntake: { printer: 'tray', paper: 'A5', copies: 2, silent: true } }));
    expect((await backend.ok('settings:get', {})).printing).toEqual(printing({ repairIntake: { printer: 'tray', paper: 'A5', copies: 2, silent: true } }));
  });

  it('needs the admin PIN once one is set, as the company’s other settings do', async () => {
    await backend.ok('session:begin', { operator: '王芳' });
    await backend.ok('session:setPin', { next: '482913' });
    await backend.ok('session:lock', {});
    expect((await backend.fails('settings:update', { printing: printing({ repairIntake: { copies: 2 } }) })).code).toBe('PIN_REQUIRED');
    expect(stored()).toBeUndefined();
  });
});

describe('printing with the settings', () => {
  it('sends each kind to its printer with its copies, on the paper the document was laid out for', async () => {
    await backend.ok('settings:update', {
      printing: printing({ repairIntake: { printer: 'Epson LQ-630KII', paper: 'A5', copies: 2, silent: true }, warrantyCard: { copies: 3 } }),
    });
    const intake = await backend.ok('documents:repairReceipt', { ticketId, copy: 'intake', paper: 'A5', language: 'zh-CN' });
    expect(await backend.ok('documents:print', { id: intake.id })).toEqual({ printer: 'Epson LQ-630KII', copies: 2, missingPrinter: null });
    const card = await backend.ok('documents:warrantyCard', { unitId, paper: 'A4', language: 'zh-CN' });
    expect(await backend.ok('documents:print', { id: card.id })).toEqual({ printer: 'tray', copies: 3, missingPrinter: null });
    // A kind left as it was goes to the default printer once.
    const order = await backend.ok('documents:dispatchOrder', { ticketId, paper: 'A4', language: 'en' });
    expect(await backend.ok('documents:print', { id: order.id })).toEqual({ printer: 'tray', copies: 1, missingPrinter: null });

    expect(backend.platform.printed.map(({ paper, printer, copies }) => ({ paper, printer, copies }))).toEqual([
      { paper: 'A5', printer: 'Epson LQ-630KII', copies: 2 },
      { paper: 'A4', printer: 'tray', copies: 3 },
      { paper: 'A4', printer: 'tray', copies: 1 },
    ]);
  });

  it('falls back to the default printer when the configured one is gone, and says which one was missing', async () => {
    await backend.ok('settings:update', { printing: printing({ repairIntake: { printer: 'HP LaserJet Pro M404', copies: 2 } }) });
    backend.platform.printers = backend.platform.printers.filter((p) => p.name !== 'HP LaserJet Pro M404');
    const intake = await backend.ok('documents:repairReceipt', { ticketId, copy: 'intake', paper: 'A4', language: 'zh-CN' });
    expect(await backend.ok('documents:print', { id: intake.id })).toEqual({ printer: 'tray', copies: 2, missingPrinter: 'HP LaserJet Pro M404' });
    expect(backend.platform.printed.at(-1)).toMatchObject({ printer: 'tray', copies: 2 });
    expect(backend.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('configured printer is gone') }));

    // Saving another kind keeps the vanished printer as it is rather than failing on it…
    const saved = await backend.ok('settings:update', { printing: printing({ repairIntake: { printer: 'HP LaserJet Pro M404', copies: 2 }, warrantyCard: { copies: 2 } }) });
    expect(saved.printing.repairIntake.printer).toBe('HP LaserJet Pro M404');
    // …but it cannot be chosen anew for another kind.
    const refused = await backend.fails('settings:update', { printing: printing({ repairIntake: { printer: 'HP LaserJet Pro M404' }, dispatchOrder: { printer: 'HP LaserJet Pro M404' } }) });
    expect(refused.details.fields).toEqual({ 'printing.dispatchOrder.printer': [{ key: 'errors.printerUnknown', params: { printer: 'HP LaserJet Pro M404' } }] });
  });

  it('still prints when the system cannot list its printers, to the printer named', async () => {
    await backend.ok('settings:update', { printing: printing({ repairCompletion: { printer: 'Epson LQ-630KII', paper: 'C241' } }) });
    backend.platform.listPrinters = () => Promise.reject(new Error('print service not running'));
    const completion = await backend.ok('documents:repairReceipt', { ticketId, copy: 'completion', paper: 'C241', language: 'zh-CN' });
    expect(await backend.ok('documents:print', { id: completion.id })).toEqual({ printer: 'Epson LQ-630KII', copies: 1, missingPrinter: null });
    expect(backend.platform.printed.at(-1)).toMatchObject({ paper: 'C241', printer: 'Epson LQ-630KII' });
    expect(await backend.ok('settings:printers', {})).toEqual([]);
  });
});
