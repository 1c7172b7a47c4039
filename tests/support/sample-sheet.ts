import ExcelJS from 'exceljs';

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
