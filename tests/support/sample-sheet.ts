import ExcelJS from 'exceljs';
import type { TestBackend } from './backend';
import { person, seedModel } from './sample';

/**
 * A customer sheet the way a small company keeps one: Chinese headers, dates typed three ways,
 * the same customer on two rows, one already on file, and two bad rows (a short phone, acceptance before purchase).
 */
export async function writeSampleSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户设备');
  sheet.addRow(['客户名称', '联系电话', '地址', '区域', '品牌', '型号', '机身编号', '购买日期', '验收日期', '发票号', '备注']);
  sheet.addRow(['李明', '139 0000 1111', '杭州市上城区解放路 1 号', '市区', '格力', 'KFR-35GW', 'IMP-0001', new Date(Date.UTC(2026, 2, 1)), '2026/3/5', 'FP1001', '']);
  sheet.addRow(['李明', '13900001111', '杭州市上城区解放路 1 号', '市区', '格力', 'KFR-35GW', 'IMP-0002', '2026年3月1日', '', 'FP1002', '卧室']);
  sheet.addRow(['王芳', '1390000', '宁波市海曙区中山路 8 号', '郊县', '美的', 'KFR-26GW', 'IMP-0003', '2026-04-01', '', '', '']);
  sheet.addRow(['杭州启航物业', '0571-88001122', '杭州市滨江区江南大道 100 号', '其他', '奥的斯', 'GeN2-MRL', 'IMP-0004', 46000, '', 'FP1004', '电梯']);
  sheet.addRow(['孙丽', '13500004444', '', '', '美的', 'KFR-26GW', 'IMP-0005', '2026-05-10', '2026-05-01', '', '']);
  sheet.addRow(['周杰', '13600003333', '苏州市姑苏区干将西路 5 号', '', '', '', '', '', '', '', '只建档不登记设备']);
  sheet.addRow(['赵磊', '137-0000-2222', '', '', '美的', 'KFR-26GW', 'IMP-0006', '2026-06-18', '', 'FP1006', '']);
  await workbook.xlsx.writeFile(file);
}

/** A policy for lifts and one for projectors, beside the air-conditioner policy of `seedModel`. */
export const LIFT_POLICY = { name: '电梯整机保修', basis: 'acceptance' as const, components: [{ key: 'whole', name: '整机', months: 24 }] };
export const PROJECTOR_POLICY = { name: '投影机保修', basis: 'purchase' as const, components: [{ key: 'whole', name: '整机', months: 12 }, { key: 'lamp', name: '灯泡', months: 3 }] };

/**
 * What the trust sheet meets on file: the air-conditioner policy with one model of category 空调,
 * a lift policy and a projector policy, 赵磊, and 杭州启航物业 entered twice with the same switchboard.
 */
export async function seedTrustDesk(backend: TestBackend) {
  await seedModel(backend);
  const lift = await backend.ok('policies:create', LIFT_POLICY);
  const projector = await backend.ok('policies:create', PROJECTOR_POLICY);
  const zhao = await backend.ok('customers:create', person({ name: '赵磊', phones: [{ phone: '13700002222' }] }));
  const qihang1 = await backend.ok('customers:create', person({ name: '杭州启航物业', phones: [{ phone: '0571-88001122' }], addresses: [{ address: '杭州市滨江区江南大道 100 号', isDefault: true }] }));
  const qihang2 = await backend.ok('customers:create', person({ name: '杭州启航物业', phones: [{ phone: '0571-88001122' }, { phone: '0571-88001133' }], addresses: [{ address: '杭州市滨江区江南大道 102 号', isDefault: true }] }));
  return { liftPolicyId: lift.id, projectorPolicyId: projector.id, zhao, qihang1, qihang2 };
}

/**
 * A sheet with a category column: air conditioners (one model on file, one new), a lift for the
 * property company on file twice, and a projector in a category nothing on file suggests a policy for.
 */
export async function writeTrustSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户设备');
  sheet.addRow(['客户名称', '联系电话', '地址', '品牌', '型号', '类别', '机身编号', '购买日期']);
  sheet.addRow(['李明', '13900001111', '杭州市上城区解放路 1 号', '格力', 'KFR-35GW', '空调', 'TR-0001', '2026-03-01']);
  sheet.addRow(['李明', '139 0000 1111', '杭州市上城区解放路 1 号', '美的', 'KFR-26GW', '空调', 'TR-0002', '2026-03-02']);
  sheet.addRow(['赵磊', '137-0000-2222', '', '美的', 'KFR-26GW', '空调', 'TR-0003', '2026-04-01']);
  sheet.addRow(['杭州启航物业', '0571-88001122', '杭州市滨江区江南大道 100 号', '奥的斯', 'GeN2-MRL', '电梯', 'TR-0004', '2025-12-09']);
  sheet.addRow(['钱塘中学', '0571-86001234', '杭州市钱塘区学林街 9 号', '爱普生', 'CB-X50', '投影仪', 'TR-0005', '2026-05-10']);
  await workbook.xlsx.writeFile(file);
}
