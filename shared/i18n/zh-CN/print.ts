/** Texts printed on paper. The zh-CN catalog is the reference shape. */
export const print = {
  common: {
    /** Printed where a value is not known (e.g. no acceptance sign-off). */
    none: '—',
    /** A label and its value on one line. */
    labelled: '{{label}}：{{value}}',
    hotline: '服务热线',
    complaintLine: '投诉电话',
    address: '地址',
    issuedOn: '签发日期',
    page: '第 {{page}} / {{pages}} 页',
    date: '日期',
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
      serial: '机身编号',
      purchaseDate: '购买日期',
      acceptanceDate: '验收日期',
    },
    warranty: {
      heading: '保修期',
      basis: '起算依据',
      start: '起算日期',
      term: '保修期限',
      end: '保修截止日',
      /** Under the last covered day: that day is still covered. */
      endNote: '（含当日）',
      startNotCounted: '起算日当天不计入保修期限。',
    },
    qrCaption: '机身编号二维码',
    claim: {
      heading: '如何申请保修',
      call: '拨打服务热线 {{hotline}}，报出机身编号和保修卡号（{{number}}）。',
      keep: '请妥善保管本卡，申请保修时出示。',
      check: '技术人员上门时核对设备机身编号与本卡是否一致。',
    },
    notCovered: {
      heading: '下列情况不属于保修范围',
      misuse: '使用不当或安装不当',
      unauthorised: '未经授权的维修或改装',
      forceMajeure: '不可抗力（地震、火灾、雷击等）',
      damage: '人为损坏或使用电压不符',
      software: '安装非标准软件或感染病毒',
      serial: '机身编号与本卡不符或本卡被涂改',
      clearance: '特价清仓处理的商品',
      expired: '超过保修期',
    },
    /** Where the company stamps its seal, over its name. */
    issuer: '服务单位（盖章）',
  },
};
