import type { BlockNode, ManualBody, ManualChapters, ManualDoc } from '../../../../shared/schemas/manual';

/*
 * Manual content for the sample categories, written from the seeds' own words: the manual
 * outline a tender asks for (the system and how it is adjusted and protected, normal operation
 * and what to do when conditions are not normal, the set values found at commissioning, the
 * checks, the fault-finding steps, spare parts), the lift rules (cleaned, lubricated, adjusted
 * and checked at least every 15 days; a trapped passenger answered at once), the projector's
 * lamp and accessories, the video surveillance system's daily care. Chinese and English.
 */

type Lang = 'zh' | 'en';
interface Source {
  description: Record<Lang, { parts: string[]; text: string }>;
  normal: Record<Lang, string[]>;
  abnormal: Record<Lang, string[]>;
  faults: Array<Record<Lang, [string, string, string]>>;
}

const text = (t: string) => ({ type: 'text' as const, text: t });
const para = (t: string): BlockNode => ({ type: 'paragraph', content: [text(t)] });
const heading = (t: string, level: 1 | 2 | 3 = 2): BlockNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const list = (kind: 'bulletList' | 'orderedList', items: string[]): BlockNode => ({ type: kind, content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) }) as BlockNode;
const cell = (t: string, header: boolean) => ({ type: header ? ('tableHeader' as const) : ('tableCell' as const), content: [para(t)] });
const table = (rows: string[][]): BlockNode => ({ type: 'table', content: rows.map((r, i) => ({ type: 'tableRow', content: r.map((t) => cell(t, i === 0)) })) });
const doc = (...content: BlockNode[]): ManualDoc => ({ type: 'doc', content });

const WORDS: Record<Lang, { parts: string; normal: string; abnormal: string; head: [string, string, string]; call: string }> = {
  zh: { parts: '主要组成', normal: '正常运行操作', abnormal: '异常情况下的应变处理', head: ['现象', '可能原因', '处理方法'], call: '以上处理无效时，请停机并拨打服务热线报修，不要自行拆修。' },
  en: { parts: 'Main parts', normal: 'Normal operation', abnormal: 'When conditions are not normal', head: ['Symptom', 'Likely cause', 'Remedy'], call: 'If this does not help, switch off and call the service hotline; do not open the unit yourself.' },
};

function chaptersOf(s: Source, lang: Lang): ManualChapters {
  const w = WORDS[lang];
  return {
    description: doc(para(s.description[lang].text), heading(w.parts), list('bulletList', s.description[lang].parts)),
    operation: doc(heading(w.normal), list('orderedList', s.normal[lang]), heading(w.abnormal), list('bulletList', s.abnormal[lang])),
    troubleshooting: doc(table([w.head, ...s.faults.map((f) => f[lang])]), para(w.call)),
  };
}

const body = (s: Source): ManualBody => ({ zh: chaptersOf(s, 'zh'), en: chaptersOf(s, 'en') });

const AIRCON: Source = {
  description: {
    zh: { text: '分体式空调由室内机、室外机、冷媒管路、排水管和遥控器组成。室外机内的压缩机把冷媒送往室内机，室内机的换热器吸热（制冷）或放热（制热），过滤网挡住空气中的灰尘。', parts: ['室内机：换热器、贯流风扇、过滤网、导风板、显示板', '室外机：压缩机、冷凝器、轴流风扇、四通阀、电子膨胀阀', '冷媒管路与保温层、排水管、电源线与信号线', '遥控器（附件，保修期较整机短）'] },
    en: { text: 'A split air conditioner is made of the indoor unit, the outdoor unit, the refrigerant piping, the drain pipe and the remote control. The compressor in the outdoor unit pumps refrigerant to the indoor unit, whose coil takes heat from the room (cooling) or gives heat to it (heating); the filter keeps dust out.', parts: ['Indoor unit: coil, cross-flow fan, filter, louvres, display', 'Outdoor unit: compressor, condenser, fan, four-way valve, expansion valve', 'Refrigerant piping and insulation, drain pipe, power and signal cables', 'Remote control (an accessory, covered for a shorter term than the unit)'] },
  },
  normal: {
    zh: ['开机前确认电源电压正常（220 V ±10%），室外机周围无遮挡。', '用遥控器选择运行模式（制冷、制热、除湿、送风）并设定温度；夏季建议 26 °C 以上。', '开机后 3 分钟内压缩机不启动属正常的延时保护。', '长期不用时关闭电源，并在晴天先送风运行 2 小时使内部干燥。', '过滤网每两周清洗一次；有灰尘的环境每周一次。'],
    en: ['Before switching on, check the supply (220 V ±10%) and that nothing blocks the outdoor unit.', 'Choose the mode (cool, heat, dry, fan) and the temperature with the remote; 26 °C or above in summer.', 'The compressor waiting up to 3 minutes after switching on is its normal protective delay.', 'Before a long stop, run the fan alone for 2 hours on a dry day, then switch the supply off.', 'Wash the filter every two weeks; weekly in dusty rooms.'],
  },
  abnormal: {
    zh: ['闻到焦味、冒烟或有异常响声：立即关机并断开电源，报修。', '室内机漏水：关机，检查排水管是否打折或堵塞。', '雷雨天气：关机并拔下电源插头。', '显示故障代码：记下代码，关机 5 分钟后重新开机；仍显示则报修。'],
    en: ['A burning smell, smoke or an unusual noise: switch off, cut the supply, call us.', 'Water dripping indoors: switch off and check the drain pipe for kinks or blockage.', 'Thunderstorms: switch off and unplug.', 'A fault code on the display: note it, switch off for 5 minutes and on again; call us if it stays.'],
  },
  faults: [
    { zh: ['不制冷或制冷差', '过滤网脏堵；门窗未关；冷媒不足', '清洗过滤网；关闭门窗；报修检漏并补充冷媒'], en: ['Cools poorly or not at all', 'Dirty filter; doors or windows open; low refrigerant', 'Wash the filter; close doors and windows; call us to find the leak and recharge'] },
    { zh: ['室内机漏水', '排水管堵塞或坡度不够', '疏通排水管，调整坡度'], en: ['Water drips from the indoor unit', 'Drain pipe blocked or not sloped', 'Clear the drain and correct its slope'] },
    { zh: ['遥控器无反应', '电池电量不足；接收窗被遮挡', '更换电池；移开遮挡物'], en: ['The remote does nothing', 'Flat batteries; receiver window blocked', 'Change the batteries; clear the window'] },
    { zh: ['室外机噪声大', '固定螺栓松动；风扇碰到异物', '报修紧固，清除异物'], en: ['The outdoor unit is loud', 'Loose mounting bolts; something touching the fan', 'Call us to tighten and clear it'] },
  ],
};

const COMMERCIAL_AIRCON: Source = {
  description: {
    zh: { text: '多联机中央空调由一台或多台室外机带多台室内机，冷媒管路经分歧管分配到各房间，集中控制器统一管理开关与温度。系统各主要装置的规格、保护装置的初始设定值在调试时记录，见第 2 章。', parts: ['室外机组：变频压缩机、油分离器、冷凝器、电子膨胀阀', '室内机：风管机、嵌入式四面出风机等', '冷媒管路、分歧管、冷凝水管', '集中控制器与线控器'] },
    en: { text: 'A VRF central air conditioning system runs several indoor units from one or more outdoor units; branch joints share the refrigerant between rooms, and a central controller switches and sets them all. The sizes of the main parts and the first settings of the protections are recorded at commissioning, in chapter 2.', parts: ['Outdoor units: inverter compressor, oil separator, condenser, expansion valves', 'Indoor units: ducted, four-way cassette and others', 'Refrigerant piping, branch joints, condensate piping', 'Central controller and wired controllers'] },
  },
  normal: {
    zh: ['每日开机前确认室外机运行指示正常、无报警。', '由集中控制器按时间表开关机，避免频繁启停。', '冬季制热时室外机化霜属正常现象，期间室内风机停转。', '每月检查冷凝水管排水是否通畅。'],
    en: ['Before starting each day, check the outdoor units show normal and no alarm.', 'Switch on and off by the central controller’s timetable; avoid frequent starts.', 'Defrosting in winter is normal; the indoor fans stop meanwhile.', 'Check monthly that the condensate drains freely.'],
  },
  abnormal: {
    zh: ['集中控制器报警：记下报警代码和房间号，复位一次；再次报警即报修。', '单个房间不制冷：检查该室内机过滤网和线控器设定。', '停电后恢复供电：等 10 分钟再开机，使压缩机预热。'],
    en: ['An alarm on the central controller: note the code and the room, reset once; call us if it returns.', 'One room not cooling: check that unit’s filter and its wired controller.', 'After a power cut: wait 10 minutes before starting, so the compressor warms up.'],
  },
  faults: [
    { zh: ['全部室内机不运行', '室外机电源跳闸；通讯线断开', '检查电源开关；报修检查通讯线'], en: ['No indoor unit runs', 'Outdoor supply tripped; signal cable broken', 'Check the breaker; call us to check the cable'] },
    { zh: ['高压保护停机', '室外机散热不良；冷凝器脏', '清理室外机周围；报修清洗冷凝器'], en: ['Stops on high-pressure protection', 'Poor airflow at the outdoor unit; dirty condenser', 'Clear around the unit; call us to clean the condenser'] },
  ],
};

const PROJECTOR: Source = {
  description: {
    zh: { text: '投影机由光源（灯泡）、液晶面板、镜头、散热风扇和防尘过滤网组成，通过 HDMI 或 VGA 接收信号。灯泡为易耗件，保修期较整机短；连接线、遥控器等附件另有保修期。', parts: ['灯泡及灯泡仓', '镜头（变焦、调焦）', '散热风扇与空气过滤网', '遥控器、信号线、电源线（附件）'] },
    en: { text: 'A projector is made of the light source (lamp), the LCD panels, the lens, the cooling fans and the dust filter; it takes a signal by HDMI or VGA. The lamp wears out and is covered for a shorter term than the unit; cables and the remote have their own term.', parts: ['Lamp and lamp housing', 'Lens (zoom, focus)', 'Cooling fans and air filter', 'Remote, signal and power cables (accessories)'] },
  },
  normal: {
    zh: ['先开投影机，再开电脑等信号源。', '关机后等风扇停止（约 1 分钟）再断电，切勿直接拔电源。', '每 100 小时清理一次空气过滤网。', '灯泡使用时间接近额定寿命时提前备灯。'],
    en: ['Switch the projector on before the computer or other source.', 'After switching off, wait for the fan to stop (about a minute) before cutting the power; never just pull the plug.', 'Clean the air filter every 100 hours.', 'Order a spare lamp when the lamp hours near its rated life.'],
  },
  abnormal: {
    zh: ['温度指示灯亮：检查进出风口是否被挡，清理过滤网后重新开机。', '灯泡指示灯闪烁：灯泡到寿或损坏，报修更换。', '画面抖动：检查信号线连接，换一根信号线试。'],
    en: ['The temperature light is on: clear the air vents, clean the filter, then switch on again.', 'The lamp light flashes: the lamp is worn out or broken; call us to replace it.', 'The picture jitters: check the signal cable, try another one.'],
  },
  faults: [
    { zh: ['无画面', '信号源未选择；信号线松动', '按“信号源”键选择输入；重新插紧信号线'], en: ['No picture', 'Wrong input; loose cable', 'Press Source to choose the input; reseat the cable'] },
    { zh: ['画面发暗', '灯泡老化；过滤网堵塞', '更换灯泡；清理过滤网'], en: ['Dim picture', 'Aged lamp; blocked filter', 'Replace the lamp; clean the filter'] },
    { zh: ['自动关机', '过热保护', '清理进出风口，改善通风'], en: ['Switches itself off', 'Overheat protection', 'Clear the vents and improve ventilation'] },
  ],
};

const SECURITY: Source = {
  description: {
    zh: { text: '视频监控系统由前端摄像机、传输线路（网线或光纤）、网络硬盘录像机（NVR）、硬盘和监视器组成。系统管理员负责用户账号与录像保存天数，操作员负责日常查看与回放。', parts: ['前端摄像机及支架、防护罩', '网络硬盘录像机与硬盘', '交换机、网线、电源适配器', '监视器、鼠标'] },
    en: { text: 'A video surveillance system is made of the cameras, the links (network cable or fibre), the network video recorder (NVR) with its disks, and the monitors. The system administrator keeps the user accounts and how many days are recorded; operators watch and play back.', parts: ['Cameras, brackets and housings', 'Network video recorder and disks', 'Switches, network cables, power adapters', 'Monitors and mouse'] },
  },
  normal: {
    zh: ['每日查看所有通道画面是否正常、时间是否准确。', '每周回放抽查录像，确认录像完整。', '定期修改管理员密码，不使用默认密码。', '每季度清洁摄像机镜头和防护罩。'],
    en: ['Each day, check every channel shows a picture and the time is right.', 'Each week, play back a sample to confirm recording is complete.', 'Change the administrator password regularly; never keep the default.', 'Clean the camera lenses and housings every quarter.'],
  },
  abnormal: {
    zh: ['某通道“无视频信号”：检查摄像机电源与网线；重启该摄像机。', '硬盘报警：立即报修，避免录像丢失。', '停电后恢复：确认录像机已自动开始录像。'],
    en: ['One channel shows “no video”: check the camera’s power and cable; restart that camera.', 'A disk alarm: call us at once, before recordings are lost.', 'After a power cut: check the recorder has started recording again by itself.'],
  },
  faults: [
    { zh: ['画面模糊', '镜头脏污或焦距偏移', '清洁镜头；报修重新调焦'], en: ['Blurred picture', 'Dirty lens or focus drifted', 'Clean the lens; call us to refocus'] },
    { zh: ['夜间画面全黑', '红外灯损坏', '报修更换摄像机或红外灯板'], en: ['Black picture at night', 'Infrared lights failed', 'Call us to replace the camera or IR board'] },
    { zh: ['录像不全', '硬盘已满或损坏', '检查存储设置；报修更换硬盘'], en: ['Recordings missing', 'Disk full or failing', 'Check storage settings; call us to replace the disk'] },
  ],
};

const NETWORK: Source = {
  description: {
    zh: { text: '网络系统由核心交换机、接入交换机、配线架、网线与光纤组成。交换机的管理地址、VLAN 划分等调试参数记录在第 2 章的设定值中。', parts: ['核心交换机与接入交换机', '光模块、光纤跳线', '配线架、网线', '机柜、UPS 电源'] },
    en: { text: 'The network is made of the core switch, the access switches, the patch panels, cables and fibre. The switches’ management addresses, VLANs and other settings from commissioning are in chapter 2.', parts: ['Core and access switches', 'Optical modules and fibre patch cords', 'Patch panels and cables', 'Racks and UPS'] },
  },
  normal: {
    zh: ['交换机保持通电运行，机房温度 18–27 °C。', '不随意插拔光纤和上联网线。', '配置变更前先备份配置文件。'],
    en: ['Keep the switches powered; keep the room at 18–27 °C.', 'Do not unplug fibre or uplink cables.', 'Back up the configuration before any change.'],
  },
  abnormal: {
    zh: ['整层断网：检查接入交换机电源和上联口指示灯。', '网速明显变慢：检查是否有环路（端口指示灯狂闪）。', '机房温度过高：开启空调或通风，报修。'],
    en: ['A whole floor offline: check the access switch’s power and uplink lights.', 'The network slows right down: look for a loop (port lights flashing wildly).', 'The room too hot: start cooling or ventilation and call us.'],
  },
  faults: [
    { zh: ['单个端口不通', '网线或水晶头损坏', '更换网线后重试'], en: ['One port dead', 'Broken cable or plug', 'Try another cable'] },
    { zh: ['光口指示灯不亮', '光纤弯折或光模块损坏', '检查光纤；报修更换光模块'], en: ['Fibre port light off', 'Bent fibre or failed module', 'Check the fibre; call us to replace the module'] },
  ],
};

const ELEVATOR: Source = {
  description: {
    zh: { text: '电梯由曳引机、控制柜、轿厢、对重、导轨、门机和安全部件（限速器、安全钳、缓冲器）组成。依《特种设备安全监察条例》，电梯应当至少每 15 日进行一次清洁、润滑、调整和检查，维保记录由使用单位保存。', parts: ['曳引机与制动器', '控制柜与变频器', '轿厢、层门与门机', '限速器、安全钳、缓冲器'] },
    en: { text: 'A lift is made of the traction machine, the controller, the car, the counterweight, the guide rails, the door operator and the safety gear (governor, safety gear, buffers). By the Special Equipment Safety regulations it is cleaned, lubricated, adjusted and checked at least every 15 days; the owner keeps the maintenance records.', parts: ['Traction machine and brake', 'Controller and inverter', 'Car, landing doors and door operator', 'Governor, safety gear, buffers'] },
  },
  normal: {
    zh: ['每日由安全管理员试运行一次，确认平层、开关门和呼梯正常。', '轿厢内张贴使用须知和维保电话。', '不得超载，不得在门口长时间挡门。'],
    en: ['Each day the safety officer runs it once: levelling, doors and calls normal.', 'Post the instructions and the maintenance number in the car.', 'Never overload it or hold the doors for long.'],
  },
  abnormal: {
    zh: ['有人被困：安抚乘客，立即拨打维保值班电话，维修人员按规定时限到场救援；不得自行撬门。', '电梯运行中有异响或抖动：停止使用，放置警示牌，报修。', '火灾时：禁止使用电梯。'],
    en: ['Someone trapped: reassure them and call the maintenance line at once; our technician comes within the time the rules set. Never force the doors.', 'Noise or shaking in service: stop using it, put up a sign, call us.', 'In a fire: never use the lift.'],
  },
  faults: [
    { zh: ['门关不上', '门槛有异物；门机皮带松', '清除异物；报修调整门机'], en: ['Doors will not close', 'Something in the sill; slack door belt', 'Clear the sill; call us to adjust the door operator'] },
    { zh: ['平层不准', '平层感应器偏移；制动器磨损', '报修调整'], en: ['Stops off level', 'Levelling sensor shifted; brake worn', 'Call us to adjust'] },
  ],
};

/** By the sample set's category key (`sample.data.categories`). */
export const SAMPLE_MANUAL_CONTENT: Record<'aircon' | 'commercialAircon' | 'projector' | 'security' | 'network' | 'elevator', ManualBody> = {
  aircon: body(AIRCON),
  commercialAircon: body(COMMERCIAL_AIRCON),
  projector: body(PROJECTOR),
  security: body(SECURITY),
  network: body(NETWORK),
  elevator: body(ELEVATOR),
};
