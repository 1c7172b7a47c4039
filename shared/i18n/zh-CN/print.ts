/** Texts printed on paper. The zh-CN catalog is the reference shape. */
export const print = {
  common: {
    /** Printed where a value is not known (e.g. no acceptance sign-off). */
    none: '—',
    /** A label and its value on one line. */
    labelled: '{{label}}：{{value}}',
    /** Joins short sentences printed as one paragraph. */
    separator: '；',
    hotline: '服务热线',
    complaintLine: '投诉电话',
    address: '地址',
    issuedOn: '签发日期',
    page: '第 {{page}} / {{pages}} 页',
    date: '日期',
    /** Beside the number at the top of a second page, so a loose sheet is known for what it is. */
    continued: '{{number}}（续页）',
    /** Amount in words, as a receipt for money must state it. */
    amountInWords: '金额大写',
    payee: '收款人',
  },
  warrantyCard: {
    title: '保修卡',
    number: '保修卡号',
    customer: {
      heading: '客户信息',
      name: '客户名称',
      phone: '联系电话',
      address: '地址',
    },
    unit: {
      heading: '设备信息',
      brand: '品牌',
      model: '型号',
      category: '类别',
      serial: '机身编号',
      invoiceNumber: '发票号码',
      purchaseDate: '购买日期',
      installDate: '安装日期',
      acceptanceDate: '验收日期',
      productionDate: '生产日期',
      siteAddress: '安装地点',
    },
    start: {
      basis: '起算依据',
      date: '起算日期',
      /** Civil Code art. 201: the start day is not counted. */
      notCounted: '起算日当天不计入保修期限。',
    },
    coverage: {
      heading: '保修期',
      component: '部件',
      term: '保修期限',
      end: '保修截止日（含当日）',
      /** The column of states, as evaluated on the given day. */
      state: '状态（{{date}}）',
      /** A note under the table about one component: its name, then the engine's sentence. */
      componentNote: '{{name}}：{{note}}',
      /** Civil Code art. 203. */
    },
    exclusions: {
      heading: '已判定的保修除外情况',
    },
    qrCaption: '机身编号二维码',
    claim: {
      heading: '如何申请保修',
      call: '拨打服务热线 {{hotline}}，报出机身编号和保修卡号（{{number}}）。',
      keep: '请妥善保管本卡，申请保修时出示。',
      check: '技术人员上门时核对设备机身编号与本卡是否一致。',
      complaint: '对服务不满意，请拨打投诉电话 {{complaintLine}}。',
      /** `where` and `deadline` arrive worded (“下方”, “于 2026-04-01 前”). */
      returnSlip: '请填写{{where}}的保修回执卡，{{deadline}}寄回或交给服务人员。',
      slipBelow: '第 2 页下方',
      slipLastPage: '最后一页',
      dueDate: '于 {{date}} 前',
      dueMonths_one: '于购买之日起 {{count}} 个月内',
      dueMonths_other: '于购买之日起 {{count}} 个月内',
    },
    notCovered: {
      heading: '下列情况不属于保修范围',
      expired: '超过保修期',
    },
    /** What the company promises, from its service level and settings; each line only when it promises it. */
    promises: {
      heading: '服务承诺',
      /** `hours` arrives worded (“7×24 小时”, “每天 08:00–24:00 ”). */
      hotline: '服务热线 {{hotline}}，{{hours}}受理报修。',
      hours: {
        roundTheClock: '7×24 小时',
        everyDay: '每天 {{from}}–{{to}} ',
        workingDays: '工作日 {{from}}–{{to}} ',
      },
      /** `within` arrives worded: one duration, or one per group of regions (“市区 2 小时、郊县 12 小时”). */
      answer: '接到报修后 {{within}}内响应。',
      arrival: '{{within}}内到达现场。',
      fix: '到达现场后，一般故障 {{ordinary}}内、重大故障 {{major}}内修复。',
      loaner: '未能按时修复的，自报修起 {{within}}内提供不低于原设备规格的备用机，直至原设备修复。',
      regionGroup: '{{regions}} {{duration}}',
      region: { urban: '市区', suburban: '郊县', other: '其他地区' },
      regionsJoin: '、',
      groupsJoin: '、',
      lifetime: '保修期满后终身维护，更换配件按成本价收费。',
      scheduled: {
        line: '定期服务：{{list}}。',
        join: '；',
        callback: '{{every}}电话回访一次',
        inspection: '{{every}}上门巡检维护一次',
        maintenance: '{{every}}全面保养一次',
      },
      every: {
        monthly: '每月',
        quarterly: '每季度',
        halfYearly: '每半年',
        yearly: '每年',
        everyDays_one: '每 {{count}} 天',
        everyDays_other: '每 {{count}} 天',
        everyMonths_one: '每 {{count}} 个月',
        everyMonths_other: '每 {{count}} 个月',
      },
      contact: {
        department: '保修负责部门',
        person: '负责人',
        phone: '联系电话',
      },
    },
    /** 三包 and the warranty's own rules, from the company's warranty rules. */
    rules: {
      heading: '三包与保修规定',
      refund_one: '自购买之日起 {{count}} 日内出现性能故障的，可选择退货、换货或修理；退货按国家规定收取折旧费（自开具发票之日起计至退货之日，扣除修理占用的时间）。',
      refund_other: '自购买之日起 {{count}} 日内出现性能故障的，可选择退货、换货或修理；退货按国家规定收取折旧费（自开具发票之日起计至退货之日，扣除修理占用的时间）。',
      exchange_one: '自购买之日起 {{count}} 日内出现性能故障的，可凭检测报告选择换货或修理。',
      exchange_other: '自购买之日起 {{count}} 日内出现性能故障的，可凭检测报告选择换货或修理。',
      repeat_one: '保修期内同一故障经 {{count}} 次修理仍不能正常使用的，免费更换同型号、同规格产品；无同型号产品的，可补差价更换其他型号。',
      repeat_other: '保修期内同一故障经 {{count}} 次修理仍不能正常使用的，免费更换同型号、同规格产品；无同型号产品的，可补差价更换其他型号。',
      unrepaired_one: '保修期内自报修之日起 {{count}} 日内未修复的，免费更换同型号、同规格产品。',
      unrepaired_other: '保修期内自报修之日起 {{count}} 日内未修复的，免费更换同型号、同规格产品。',
      /** `free` and `paid` arrive as month counts already worded (“12 个月”). */
      parts: '保修期内免费更换的零部件，自更换之日起另享 {{free}}保修；付费更换的零部件保修 {{paid}}。',
      downtime_one: '保修期内因故障停机且未能及时修复的，每次保修期顺延 {{count}} 天。',
      downtime_other: '保修期内因故障停机且未能及时修复的，每次保修期顺延 {{count}} 天。',
    },
    /** Where the company stamps its seal, over its name. */
    issuer: '服务单位（盖章）',
  },
  returnSlip: {
    title: '保修回执卡',
    /** On the dashed line the slip is cut off along. */
    cutHere: '沿此线剪下',
    /** On the front, behind the slip: cutting the slip off takes its mailing face with it. */
    cutHereFace: '沿此线剪下：背面是保修回执卡，填好后可作明信片寄回',
    /** The slip's other side, a postcard's address side. */
    face: {
      title: '保修回执卡 · 邮寄面',
      to: '收件人',
      address: '地址',
      from: '寄件人',
      stamp: '贴邮票处',
    },
    intro: '请填写后寄回，我们将为您登记保修。',
    cardNumber: '保修卡号',
    customer: '客户名称',
    phone: '联系电话',
    address: '地址',
    brandModel: '品牌 / 型号',
    serial: '机身编号',
    purchaseDate: '购买日期',
    dealer: '经销商 / 安装单位',
    opinion: '意见和建议',
    satisfaction: '安装服务评价',
    satisfied: '满意',
    neutral: '一般',
    dissatisfied: '不满意',
    signature: '客户签名',
    /** The deadline, bold above where it goes. */
    dueDate: '请于 {{date}} 前寄回',
    dueMonths_one: '请于购买之日起 {{count}} 个月内寄回',
    dueMonths_other: '请于购买之日起 {{count}} 个月内寄回',
    /** `recipient`: the company, its warranty department and (`attn`) the person. */
    postTo: '寄：{{recipient}}，{{address}}',
    handTo: '交回：{{recipient}}（可交给上门服务人员）',
    attn: '（{{name}} 收）',
  },
};
