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
      holidayRule: '截止日适逢法定节假日的，顺延至节假日后的第一天。',
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
      returnSlipBelow: '请填写下方的保修回执卡，沿虚线剪下，寄回或交给服务人员。',
      returnSlipNextPage: '请填写第 2 页的保修回执卡，寄回或交给服务人员。',
    },
    notCovered: {
      heading: '下列情况不属于保修范围',
      expired: '超过保修期',
    },
    terms: {
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
    postTo: '寄回：{{company}}，{{address}}',
    handTo: '交回：{{company}}（可交给上门服务人员）',
  },
};
