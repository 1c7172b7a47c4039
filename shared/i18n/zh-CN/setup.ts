/** The first start: from install to a printed card. Preset policy names are stored in the language chosen. */
export const setup = {
  title: '欢迎使用：几分钟把服务台准备好',
  intro: '按步骤填好公司资料、选好保修政策和备份位置，就可以开始接报修、打印保修卡。每一步以后都能在“设置”里改。',
  steps: {
    company: '公司资料',
    logo: '标志',
    policies: '保修政策',
    backups: '备份',
    pin: '管理员密码',
    done: '完成',
  },
  company: {
    hint: '公司名称和服务热线印在每张单据的抬头上；投诉电话印在保修卡和维修单上。',
  },
  logo: {
    hint: '可以跳过：没有标志时，单据只印公司名称。',
  },
  policies: {
    hint: '勾选贵公司经营的类别，软件会按行业惯例建好保修政策（各部件保修期、起算日）。以后可在“产品与保修”里修改或新建。',
    basis: '起算：{{basis}}',
    exists: '已有同名政策',
    none: '一个也不选也可以，之后在“产品与保修”里新建。',
    added: '已建好 {{count}} 个保修政策',
  },
  backups: {
    hint: '数据只存在这台电脑上。建议把备份放到 U 盘或另一块硬盘上：电脑坏了，数据还在。',
    current: '现在的备份位置：{{folder}}',
    besideData: '数据文件旁边的 backups 文件夹（默认）',
    choose: '选择备份文件夹…',
  },
  pin: {
    hint: '管理员密码保护删除、恢复备份、修改设置等操作。可以先跳过，之后在“设置 → 密码与值班人员”里设置。',
    set: '管理员密码已设置。',
  },
  done: {
    title: '准备好了',
    hint: '接下来：客户来电时按 Ctrl+K 输入电话，新客户按 Enter 建档并报修；在客户页添加设备后可以打印保修卡。',
    start: '开始使用',
  },
  back: '上一步',
  next: '下一步',
  skipAll: '跳过，以后在“设置”里填',
  skip: '跳过',
  presets: {
    householdAircon: { name: '家用空调', note: '自购买之日起：整机 1 年，压缩机等主要部件 3 年，遥控器和线缆 6 个月' },
    commercialAircon: { name: '商用空调 / 中央空调（工程）', note: '自验收合格之日起：整机 2 年，主要部件 3 年，配件 1 年' },
    projector: { name: '投影机', note: '自购买之日起：整机 1 年，线缆、遥控器、翻页笔等配件 6 个月' },
    elevator: { name: '电梯（工程）', note: '自验收合格之日起：整机 2 年' },
    security: { name: '安防监控系统（工程）', note: '自验收合格之日起：系统 2 年，线缆、电源等配件 1 年' },
    network: { name: '网络与计算机设备', note: '自购买之日起：整机 1 年，主板、CPU、内存、硬盘、电源 3 年，外壳、开关、线缆 6 个月' },
  },
  components: {
    whole: '整机',
    mainParts: '主要部件',
    accessories: '配件（线缆、遥控器等）',
    casing: '外壳、开关、线缆',
  },
};
