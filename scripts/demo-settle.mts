// `npx tsx scripts/demo-settle.mts [folder]` (default: desk-demo-settle in the temp folder):
// settling with the maker and with the customer (issue 21), with no Electron. An authorised
// outlet of one brand: two warranty repairs gather into a claim to the maker (its claim sheet
// printed), sent with a waybill, partly accepted, the replacement received into stock and the old parts dealt with; a quality
// feedback form; a refund within 7 days with its return form; an exchange for the replacement of a
// discontinued model; a part and a unit scrapped; the fee list. Every paper on A4 and A5 in both
// languages, copied to <folder>/pdf/ with names that say what each one is. Then September's
// monthly returns to the maker (the six forms), as PDF on A4 and A5 in both languages and as .xlsx.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../shared/schemas/document';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('settle');

// A fixed desk clock, so the same papers come out every run.
const day = (iso: string, hour = 10) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  desk.setClock(new Date(y, m - 1, d, hour, 0));
};
const desk = await openDemoDesk(folder, new Date(2026, 8, 12, 11, 0));
const { backend, logger, platform, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', DEMO_COMPANY);
const policy = await call('policies:create', { name: '家用空调标准保修', basis: 'purchase', components: [{ key: 'whole', name: '整机', nameEn: 'Whole unit', months: 12 }] });
const oldModel = await call('models:create', { brand: '格力', model: 'KFR-35GW/(35592)FNhAa-B1', category: '空调', policyId: policy.id });
const newModel = await call('models:create', { brand: '格力', model: 'KFR-35GW/(35596)FNhAa-B3', category: '空调', policyId: policy.id });
const gree = await call('makers:create', {
  name: '格力电器（杭州）售后服务部',
  department: '客户服务部',
  contactName: '李工',
  phone: '0571-86661234',
  fax: '0571-86661235',
  address: '浙江省杭州市余杭区临平大道 1 号',
  returnsDueDay: 5,
});
for (const model of [oldModel, newModel]) await call('makers:setModelMaker', { modelId: model.id, makerId: gree.id });
await call('makers:discontinueModel', { modelId: oldModel.id, discontinuedOn: '2026-09-01', replacementModelId: newModel.id });
for (const [name, amountFen] of [['加氟（R410A，每台）', 28000], ['清洗保养（挂机）', 8000], ['移机（含 3 米铜管）', 30000], ['更换电容（人工）', 6000]] as const) {
  await call('fees:create', { name, amountFen });
}
const capacitor = await call('parts:create', { partNumber: 'GL-CAP-35', name: '压缩机启动电容 35μF', costFen: 2000, priceFen: 4500, quantity: 10, reorderLevel: 2 });
const board = await call('parts:create', { partNumber: 'GL-PCB-B1', name: '室外机主板（B1 款）', costFen: 26000, priceFen: 48000, quantity: 1 });
await call('spares:setShare', { partId: board.id, modelId: oldModel.id, sharePct: 3 });

const person = (name: string, phone: string, address: string) => call('customers:create', { name, phones: [{ phone }], addresses: [{ address, isDefault: true }] });
const zhang = await person('张三丰', '13812345678', '浙江省杭州市西湖区文三路 90 号 2 幢 501 室');
const li = await person('李秀英', '13912345678', '浙江省杭州市拱墅区湖墅南路 120 号');
// Sold by the outlet's two salespeople: the price and seller go into the maker's monthly sales statistics.
const unit = (customerId: number, modelId: number, serial: string, bought: string) =>
  call('units:create', { customerId, modelId, serial, purchaseDate: bought, invoiceNumber: `330126${serial.slice(-6)}`, salePriceFen: 329_900, soldBy: serial.endsWith('2') ? '陈晓燕' : '周建国' });
const u1 = await unit(zhang.id, oldModel.id, 'GL2026A0001', '2026-05-01');
const u2 = await unit(li.id, oldModel.id, 'GL2026A0002', '2026-06-15');
const u3 = await unit(li.id, oldModel.id, 'GL2026A0003', '2026-09-10');
const u4 = await unit(zhang.id, oldModel.id, 'GL2026A0004', '2026-09-03');
const old = await unit(zhang.id, oldModel.id, 'GL2019Z0009', '2019-05-01');

const repair = (customerId: number, unitId: number, fault: string) => call('tickets:create', { customerId, unitId, faultReported: fault, faultCategory: 'notCooling' });
// Bought 09-03, leaking on the 12th: within 15 days, an exchange.
const t4 = await repair(zhang.id, u4.id, '室内机漏水，滴到地板上');

// Two warranty repairs on the 14th, each fitting a capacitor.
day('2026-09-14', 9);
const t1 = await repair(zhang.id, u1.id, '开机后外机不转，不制冷');
const t2 = await repair(li.id, u2.id, '外机嗡嗡响，压缩机不启动');
await call('tickets:addPart', { id: t1.id, partId: capacitor.id, quantity: 1 });
await call('tickets:addPart', { id: t2.id, partId: capacitor.id, quantity: 1 });
const feedback = await call('feedback:create', { ticketId: t2.id, problem: '本月同型号（B1 款）两台压缩机启动电容失效，外壳鼓包，疑为同批次质量问题，请核查该批次。' });

const claim = await call('claims:create', { makerId: gree.id, note: '9 月第二周保修更换' });
day('2026-09-14', 16);
const t3 = await repair(li.id, u3.id, '新机制冷效果差，出风不凉');
day('2026-09-15');
await call('claims:send', { id: claim.id, waybill: 'SF1402 2658 7731', sentOn: '2026-09-15' });
day('2026-09-17');
const [first, second] = claim.lines;
await call('claims:check', {
  id: claim.id,
  checkedOn: '2026-09-17',
  lines: [
    { lineId: first!.id, decision: 'accepted' },
    { lineId: second!.id, decision: 'rejected', reason: '旧件未随单寄回，补寄后再审' },
  ],
});
await call('claims:receive', { id: claim.id, receivedOn: '2026-09-17', lines: [{ lineId: first!.id, quantity: 1 }] });
await call('claims:oldPart', { lineId: first!.id, fate: 'returned', on: '2026-09-17', waybill: 'YT8890 1234 567', postageFen: 1200 });
await call('feedback:answer', { id: feedback.id, answer: '经核查为 2026 年 7 月批次电容耐压不足，已安排批量更换，补发电容 10 只。', answeredOn: '2026-09-17' });

// A refund within 7 days: bought 09-10, reported 09-14, returned 09-17.
day('2026-09-17', 15);
const refund = await call('settlements:refund', { ticketId: t3.id, priceFen: 329_900, testReport: 'JC-20260917-01', note: '客户要求退货，随机附件齐全' });
// An exchange within 15 days, for the replacement of the discontinued model (reported on the 12th).
day('2026-09-17', 16);
const exchange = await call('settlements:exchange', { ticketId: t4.id, priceFen: 329_900, newSerial: 'GL2026C0101', newPriceFen: 345_900, testReport: 'JC-20260917-02' });

// Scrapping: a capacitor damaged in storage, and a customer's old unit beyond repair.
const approval = { approvedBy: '赵经理', disposal: '交杭州再生资源回收站，取得回收凭证' };
const scrapPart = await call('scrapping:create', { kind: 'part', partId: capacitor.id, quantity: 1, reason: '仓库漏水受潮', assessment: '电容端子锈蚀，测量容量偏低 30%，不能使用', ...approval });
const scrapUnit = await call('scrapping:create', { kind: 'unit', unitId: old.id, reason: '压缩机烧毁，已过保修期 6 年', assessment: '压缩机绕组短路，主板腐蚀，维修费用超过新机价格的 60%，无修复价值', ...approval });

const written: string[] = [];
const keep = (doc: GeneratedDocument, name: string) => {
  copyFileSync(join(folder, 'documents', doc.fileName), join(folder, 'pdf', `${name}.pdf`));
  written.push(`${doc.number}  ${name}.pdf`);
};
for (const paper of CARD_PAPERS) {
  for (const language of LANGUAGES) {
    const tag = `${paper}-${language}`;
    keep(await call('documents:settlementForm', { id: refund.id, paper, language }), `return-form-${tag}`);
    keep(await call('documents:settlementForm', { id: exchange.id, paper, language }), `exchange-form-${tag}`);
    keep(await call('documents:scrapRecord', { id: scrapUnit.id, paper, language }), `scrap-record-unit-${tag}`);
    keep(await call('documents:scrapRecord', { id: scrapPart.id, paper, language }), `scrap-record-part-${tag}`);
    keep(await call('documents:feedbackForm', { id: feedback.id, paper, language }), `feedback-form-${tag}`);
    keep(await call('documents:claimForm', { id: claim.id, paper, language }), `claim-${tag}`);
    keep(await call('documents:feeList', { copy: 'counter', paper, language }), `fee-list-counter-${tag}`);
    keep(await call('documents:feeList', { copy: 'customer', paper, language }), `fee-list-customer-${tag}`);
  }
}
// September's returns to the maker, drawn on 2 October: the callbacks, a complaint-free month, the warranty
// card's slip back, the units sold and the parts replaced all go into the six forms.
const tech = await call('technicians:create', { name: '李建国', phone: '13900002222', skills: ['空调'] });
for (const t of [t1, t2]) {
  await call('tickets:assign', { id: t.id, technicianIds: [tech.id] });
  for (const to of ['answered', 'dispatched', 'onSite'] as const) await call('tickets:transition', { id: t.id, to });
  await call('tickets:recordWork', { id: t.id, action: '更换压缩机启动电容，试机制冷正常' });
  await call('tickets:transition', { id: t.id, to: 'resolved' });
}
day('2026-09-18');
await call('callbacks:record', { ticketId: t1.id, reached: true, satisfaction: 5, comments: '师傅上门很快，换件后制冷正常' });
await call('callbacks:record', { ticketId: t2.id, reached: true, satisfaction: 4, comments: null });
const card = await call('documents:warrantyCard', { unitId: u2.id, paper: 'A5', language: 'zh-CN' });
await call('cards:issue', { documentId: card.id, issuedOn: '2026-09-18', how: 'handed' });
day('2026-09-24');
await call('cards:slipBack', { documentId: card.id, returnedOn: '2026-09-24' });
day('2026-10-02', 9);
for (const paper of CARD_PAPERS) {
  for (const language of LANGUAGES) keep(await call('documents:makerReturns', { makerId: gree.id, month: '2026-09', paper, language }), `monthly-returns-2026-09-${paper}-${language}`);
}
for (const language of LANGUAGES) {
  platform.saveAnswer = join(folder, 'pdf', `monthly-returns-2026-09-${language}.xlsx`);
  const saved = await call('makerReturns:export', { makerId: gree.id, month: '2026-09', language });
  written.push(`${saved.sheets} sheets  monthly-returns-2026-09-${language}.xlsx`);
}
const panel = await call('settle:desk', {});
const final = await call('claims:get', { id: claim.id });
await backend.close();

console.log(`Claim ${final.number}: ${final.lines.map((l) => `${l.partName} ${l.decision ?? '?'}`).join('; ')}; postage ¥${(final.postageFen / 100).toFixed(2)}`);
console.log(`Refund ${refund.number}: ¥${(refund.refundFen / 100).toFixed(2)} (depreciation ¥${(refund.depreciationFen / 100).toFixed(2)} over ${refund.chargedDays} days)`);
console.log(`Exchange ${exchange.number}: new unit ${exchange.newSerial}, difference ¥${((exchange.differenceFen ?? 0) / 100).toFixed(2)}`);
console.log(`Desk: ${panel.partsDueBack.length} old part(s) due back, ${panel.sparesLow.length} spare(s) below their share`);
console.log(`${written.length} files in ${join(folder, 'pdf')}`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
