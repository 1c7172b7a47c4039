// `npx tsx scripts/demo-calls.mts [folder]` (default: desk-demo-calls in the temp folder): a
// week of a desk's calls (issue 20): repairs reported by phone, most solved on the phone and a
// few sent a technician, consultations, a complaint, callers not on file; then the weekly call
// summary on every paper in both languages, and its Excel export, with no Electron.
// The PDFs are copied to <folder>/pdf/ with names that say what each one is.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallOutcome, CallPurpose } from '../shared/domain/calls';
import { LANGUAGES } from '../shared/i18n/languages';
import { CARD_PAPERS } from '../shared/schemas/document';
import { DEMO_COMPANY, openDemoDesk } from './demo-desk';
import { demoFolder } from './demo-folder';

const folder = demoFolder('calls');

// A fixed desk clock (the week of Monday 30 November 2026), so the same paper comes out every run.
const desk = await openDemoDesk(folder, new Date(2026, 10, 30, 7, 30));
const { backend, logger, platform, call } = desk;

await call('session:begin', { operator: '王芳' });
await call('settings:update', DEMO_COMPANY);
const policy = await call('policies:create', { name: '家用空调标准保修', basis: 'purchase', components: [{ key: 'whole', name: '整机', nameEn: 'Whole unit', months: 36 }] });
const model = await call('models:create', { brand: '格力', model: 'KFR-35GW/(35570)FNhAa-B1', category: '空调', policyId: policy.id });
const tech = await call('technicians:create', { name: '李建国', phone: '13900002222', skills: ['空调'] });
const NAMES = ['王小明', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴敏', '徐强', '孙燕'];
const people = [];
for (const [i, name] of NAMES.entries()) {
  const customer = await call('customers:create', { name, kind: 'person', region: i % 4 === 3 ? 'suburban' : 'urban', phones: [{ phone: `1381234${String(5600 + i)}`, label: null }], addresses: [{ address: `杭州市拱墅区湖墅南路 ${100 + i} 号` }] });
  const unit = await call('units:create', { customerId: customer.id, modelId: model.id, serial: `GL2026B${String(1000 + i)}`, purchaseDate: '2026-05-01' });
  people.push({ customer, unit });
}

const ADVICE = ['遥控器电池没电，更换后恢复', '制热模式下室外机除霜，等待 10 分钟即可', '滤网积灰，指导客户清洗后制冷恢复', '空气开关跳闸，复位后正常', '定时关机被误设，已指导取消'];
const QUESTIONS = ['咨询空调清洗保养价格', '询问保修期还剩多久', '咨询移机收费标准', '询问睡眠模式怎么设置'];
let made = 0;
let solved = 0;
let sent = 0;
// Monday to Saturday: each day a few repairs (most solved on the phone), consultations, the odd
// other call, taken in the order of the day (the desk's clock never runs back).
for (let day = 0; day < 6; day++) {
  const events: { hour: number; minute: number; run: () => Promise<void> }[] = [];
  const repairs = 4 + (day % 3);
  for (let r = 0; r < repairs; r++) {
    const { customer, unit } = people[(day * 5 + r) % people.length]!;
    events.push({
      hour: 8 + r * 2,
      minute: 15,
      run: async () => {
        const ticket = await call('tickets:create', { source: 'phone', customerId: customer.id, unitId: unit.id, unregisteredUnit: null, faultReported: r % 2 ? '不制冷' : '遥控器无反应', faultCategory: r % 2 ? 'notCooling' : 'other', severity: 'ordinary' });
        await call('tickets:transition', { id: ticket.id, to: 'answered' });
        made++;
        desk.setClock(new Date(desk.now().getTime() + 6 * 60_000));
        if (r === repairs - 1) {
          // Someone has to go: the phone could not solve this one.
          await call('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
          await call('tickets:transition', { id: ticket.id, to: 'dispatched' });
          sent++;
        } else {
          await call('calls:solveTicket', { ticketId: ticket.id, advice: ADVICE[(day + r) % ADVICE.length]! });
          solved++;
        }
      },
    });
  }
  const log = (hour: number, purpose: CallPurpose, outcome: CallOutcome, who: { customerId?: number; unitId?: number; callerName?: string; callerPhone?: string }, notes: string) =>
    events.push({ hour, minute: 40, run: async () => void (await call('calls:log', { ...who, purpose, outcome, notes })) });
  const { customer, unit } = people[(day * 3 + 7) % people.length]!;
  log(9, 'consultation', 'solvedByPhone', { customerId: customer.id, unitId: unit.id }, QUESTIONS[day % QUESTIONS.length]!);
  log(11, 'consultation', 'solvedByPhone', { callerName: '陌生来电', callerPhone: `1590000${String(1000 + day)}` }, '询问是否上门安装');
  if (day % 2 === 0) log(14, 'consultation', 'callBack', { customerId: customer.id }, '需查询配件库存后回电');
  if (day === 2) log(15, 'complaint', 'complaintRecorded', { customerId: customer.id, unitId: unit.id }, '师傅上门迟到一小时');
  if (day === 4) log(16, 'other', 'other', { callerPhone: '057188880000' }, '推销电话');
  for (const e of events.sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute))) {
    desk.setClock(new Date(2026, 10, 30 + day, e.hour, e.minute));
    await e.run();
  }
}

// The next Monday morning: the week's summary for the file, and the sheet for the manager.
desk.setClock(new Date(2026, 11, 7, 9, 0));
const written: string[] = [];
for (const paper of CARD_PAPERS) {
  for (const language of LANGUAGES) {
    const doc = await call('documents:callSummary', { weekOf: '2026-11-30', paper, language });
    const name = `call-summary-${paper}-${language}`;
    copyFileSync(join(folder, 'documents', doc.fileName), join(folder, 'pdf', `${name}.pdf`));
    written.push(`${doc.number}  ${name}`);
  }
}
platform.saveAnswer = join(folder, 'call-summary-2026-11-30.xlsx');
const exported = await call('calls:export', { weekOf: '2026-11-30' });
const week = await call('calls:week', { weekOf: '2026-11-30' });
await backend.close();

console.log(`${made} repair tickets by phone: ${solved} solved on the phone, ${sent} sent a technician; ${week.total} calls in the week, ${week.phoneSharePct}% solved on the phone (target ${week.phoneTargetPct}%)`);
console.log(`${written.length} PDFs in ${join(folder, 'pdf')}`);
for (const line of written) console.log(`  ${line}`);
console.log(`Excel: ${exported.savedTo} (${exported.rows} calls)`);
const problems = logger.lines.filter((l) => l.level !== 'info');
if (problems.length) console.log('Warnings:', problems);
