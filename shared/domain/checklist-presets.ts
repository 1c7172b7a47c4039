import type { ChecklistItem } from './checklist';

/*
 * Ready checklists for the trades the seeds name, written from their own maintenance steps
 * (定期检查运行状况、清洁、润滑、预防性维护; 电梯每 15 日清洁、润滑、调整和检查) and the usual
 * standards of each trade. A company starts from one and makes it its own; every edit is a new
 * version, so a preset never changes a record.
 */

export type ChecklistPresetId = 'splitAircon' | 'projector' | 'elevator' | 'network';

export interface ChecklistPreset {
  name: string;
  nameEn: string;
  /** The product category it suits, as the sample data names them. */
  category: string;
  items: ChecklistItem[];
}

const item = (key: string, text: string, textEn: string, standard: string, kinds: ChecklistItem['kinds'], reading?: { unit: string; min?: number; max?: number }): ChecklistItem => ({
  key,
  text,
  textEn,
  standard,
  answer: reading ? 'reading' : 'check',
  unit: reading?.unit ?? null,
  min: reading?.min ?? null,
  max: reading?.max ?? null,
  kinds,
});

const Q_AND_Y: ChecklistItem['kinds'] = ['inspection', 'maintenance'];
const YEARLY: ChecklistItem['kinds'] = ['maintenance'];

export const CHECKLIST_PRESETS: Record<ChecklistPresetId, ChecklistPreset> = {
  splitAircon: {
    name: '分体空调巡检保养',
    nameEn: 'Split air conditioner',
    category: '空调',
    items: [
      item('filter', '清洗室内机过滤网', 'Clean the indoor filter', '无积尘、无破损，装回到位', Q_AND_Y),
      item('drain', '检查冷凝水排水', 'Check condensate drainage', '排水管通畅、无渗漏、无倒坡', Q_AND_Y),
      item('pressure', '冷媒低压压力', 'Refrigerant low-side pressure', '制冷运行 15 分钟后测量', Q_AND_Y, { unit: 'MPa', min: 0.8, max: 1.2 }),
      item('outlet', '出风口温度', 'Outlet air temperature', '制冷运行稳定后测量', Q_AND_Y, { unit: '℃', max: 16 }),
      item('current', '运行电流', 'Running current', '不超过铭牌额定电流', Q_AND_Y, { unit: 'A', max: 7.5 }),
      item('noise', '运行噪声与振动', 'Noise and vibration', '无异响、无明显振动', Q_AND_Y),
      item('outdoor', '室外机支架与散热', 'Outdoor unit bracket and airflow', '支架牢固无锈蚀，散热片无堵塞', Q_AND_Y),
      item('wiring', '电源线及接线端子', 'Power cable and terminals', '无松动、无过热痕迹、接地可靠', YEARLY),
      item('insulation', '压缩机绝缘电阻', 'Compressor insulation resistance', '500 V 兆欧表测量', YEARLY, { unit: 'MΩ', min: 2 }),
    ],
  },
  projector: {
    name: '投影机巡检保养',
    nameEn: 'Projector',
    category: '投影机',
    items: [
      item('lamp', '灯泡累计使用时间', 'Lamp hours', '超过额定寿命的 90% 建议更换', Q_AND_Y, { unit: 'h', max: 4500 }),
      item('filter', '清洁防尘网', 'Clean the air filter', '无积尘，过滤网提示已复位', Q_AND_Y),
      item('fan', '散热风扇运行', 'Cooling fans', '运转正常、无异响，排风温度正常', Q_AND_Y),
      item('image', '画面亮度、色彩与对焦', 'Brightness, colour and focus', '画面清晰、无偏色、无暗角', Q_AND_Y),
      item('inputs', '信号输入与切换', 'Signal inputs and switching', 'HDMI/VGA 各接口显示正常', Q_AND_Y),
      item('remote', '遥控器与按键', 'Remote and keypad', '各功能键有效', Q_AND_Y),
      item('mount', '吊架与安全绳', 'Ceiling mount and safety cable', '螺丝紧固、安全绳完好', YEARLY),
      item('lens', '清洁镜头', 'Clean the lens', '用专用镜头纸清洁，无划痕', YEARLY),
    ],
  },
  elevator: {
    name: '电梯半月维保',
    nameEn: 'Elevator (every 15 days)',
    category: '电梯',
    items: [
      item('machine-room', '机房、滑轮间环境', 'Machine room', '清洁，门窗完好，照明正常', ['maintenance', 'inspection']),
      item('brake', '制动器动作', 'Brake operation', '动作灵活，制动可靠，无异常磨损', ['maintenance', 'inspection']),
      item('brake-gap', '制动器间隙', 'Brake clearance', '闸瓦与制动轮间隙', ['maintenance'], { unit: 'mm', min: 0.2, max: 0.7 }),
      item('doors', '层门、轿门及门锁', 'Landing and car doors, door locks', '开关门顺畅，门锁电气触点可靠', ['maintenance', 'inspection']),
      item('levelling', '平层准确度', 'Levelling accuracy', '各层平层误差', ['maintenance', 'inspection'], { unit: 'mm', max: 10 }),
      item('emergency', '紧急报警装置与应急照明', 'Alarm and emergency lighting', '轿内报警可与值班室通话，应急照明有效', ['maintenance', 'inspection']),
      item('pit', '底坑环境与缓冲器', 'Pit and buffers', '清洁无积水，缓冲器固定、无锈蚀', ['maintenance']),
      item('lubrication', '导轨及运动部件润滑', 'Rail and moving-part lubrication', '按规定加油，无干磨', ['maintenance']),
    ],
  },
  network: {
    name: '网络设备巡检',
    nameEn: 'Network equipment',
    category: '网络设备',
    items: [
      item('status', '设备运行指示灯', 'Status lights', '电源、系统、端口指示正常，无告警', Q_AND_Y),
      item('temperature', '设备温度', 'Device temperature', '查看设备温度', Q_AND_Y, { unit: '℃', max: 60 }),
      item('cpu', 'CPU 利用率', 'CPU load', '业务高峰时段查看', Q_AND_Y, { unit: '%', max: 70 }),
      item('logs', '告警与日志', 'Alarms and logs', '无未处理的严重告警', Q_AND_Y),
      item('links', '上联链路与端口错误', 'Uplinks and port errors', '链路 UP，端口无持续增长的错误包', Q_AND_Y),
      item('backup', '配置备份', 'Configuration backup', '已备份当前配置并存档', Q_AND_Y),
      item('fans', '风扇与电源模块', 'Fans and power supplies', '运转正常，冗余电源均在位', YEARLY),
      item('cabinet', '机柜清洁与理线', 'Cabinet cleaning and cabling', '无积尘，线缆标识清楚、绑扎整齐', YEARLY),
    ],
  },
};
