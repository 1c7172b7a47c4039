/**
 * Warranty engine explanations: the lines a person reads on a receipt or the unit page.
 * Dates arrive as 年-月-日 text. `{{holiday}}` is filled in the reader's language.
 */
export const warranty = {
  start: {
    fromAcceptance: '自验收合格之日（{{date}}）起算',
    fromInstall: '自安装完成之日（{{date}}）起算',
    fromPurchase: '自购买（发票）日期（{{date}}）起算',
    fromProduction: '自生产日期（{{date}}）起算',
    noAcceptanceDate: '未登记验收日期',
    noInstallDate: '未登记安装日期',
    noPurchaseDate: '未登记购买日期',
    noInvoice: '客户没有购货发票：按生产日期（{{date}}）起算',
    purchaseUnproven: '客户没有购货发票，也未登记生产日期：暂按登记的购买日期（{{date}}）起算，请向客户索取发票',
    unknown: '验收、安装、购买、生产日期都没有登记，无法计算保修期，请先补录日期',
  },
  policy: {
    empty: '保修政策中没有任何保修条款，无法计算保修期',
  },
  component: {
    term_one: '{{name}}保修 {{count}} 个月，自 {{start}} 起算（当天不计），期满日 {{end}}',
    term_other: '{{name}}保修 {{count}} 个月，自 {{start}} 起算（当天不计），期满日 {{end}}',
    extended_one: '因 {{count}} 次停机故障顺延 {{days}} 天，至 {{end}}',
    extended_other: '因 {{count}} 次停机故障顺延 {{days}} 天，至 {{end}}',
  },
  term: {
    holiday: '截止日 {{date}} 适逢{{holiday}}，按工作日历顺延至其后第一个工作日 {{end}}',
    weekend: '截止日 {{date}} 是周末休息日，按工作日历顺延至其后第一个工作日 {{end}}',
    holidayOnly: '截止日 {{date}} 适逢{{holiday}}，按“仅法定节假日顺延”顺延至节后第一天 {{end}}',
    provisional: '暂定：{{year}} 年放假安排尚未公布，暂按法定节日推算',
    holidayYearMissing: '节假日安排中没有 {{year}} 年，未核对截止日是否适逢法定节假日',
    holidayYearCounted: '节假日安排中没有 {{year}} 年：截止日只按法定节日暂作核对（不含调休），请录入国务院公布的安排',
    provisionalMark: '暂定',
  },
  /** How the company counts a last day on a rest day (Civil Code art. 203), as the card tells the customer. */
  rule: {
    calendar: '保修截止日适逢法定节假日或周末等休息日的（调休上班日除外），顺延至其后第一个工作日。',
    holidays: '保修截止日适逢法定节假日的，顺延至节假日后的第一天。',
  },
  state: {
    active: '在保修期内，保修至 {{end}}（含当日）',
    ending_one: '保修即将到期：保修至 {{end}}（含当日），含今天还剩 {{count}} 天',
    ending_other: '保修即将到期：保修至 {{end}}（含当日），含今天还剩 {{count}} 天',
    expired: '已过保：保修期已于 {{end}} 届满',
    notStarted: '保修尚未开始，自 {{start}} 起算',
    unknown: '缺少起算日期，无法判断是否在保',
  },
  extension: {
    repair: '{{date}} 报修的故障导致停机且未能及时修复，保修顺延 {{days}} 天',
    allComponents: '停机顺延适用于报修时仍在保修期内的所有部件',
  },
  exclusion: {
    misuse: '{{date}} 判定：使用不当或安装不当，不属于保修范围',
    unauthorisedRepair: '{{date}} 判定：经非授权维修或擅自改装，不属于保修范围',
    forceMajeure: '{{date}} 判定：因不可抗力（地震、火灾、雷击等）损坏，不属于保修范围',
    physicalDamage: '{{date}} 判定：人为损坏或使用电压不符，不属于保修范围',
    software: '{{date}} 判定：故障由非标准软件或病毒引起，不属于保修范围',
    serialMismatch: '{{date}} 判定：机身编号与保修卡不符或保修卡被涂改，不属于保修范围',
    clearance: '{{date}} 判定：属于清仓处理商品，不享受保修',
    scopeUnit: '此判定适用于整台设备（所有部件）',
    scopeComponent: '此判定仅适用于{{name}}，其他部件不受影响',
    note: '说明：{{note}}',
  },
  part: {
    free_one: '{{name}}：{{date}} 保修期内免费更换，另享 {{count}} 个月保修，期满日 {{end}}',
    free_other: '{{name}}：{{date}} 保修期内免费更换，另享 {{count}} 个月保修，期满日 {{end}}',
    paid_one: '{{name}}：{{date}} 付费更换，保修 {{count}} 个月，期满日 {{end}}',
    paid_other: '{{name}}：{{date}} 付费更换，保修 {{count}} 个月，期满日 {{end}}',
    covered: '该配件在保修期内，保修至 {{end}}（含当日）',
    expired: '该配件的保修已于 {{end}} 届满',
    outlives: '该配件的保修（至 {{end}}）比{{component}}的保修（至 {{componentEnd}}）更长，更换的配件本身仍免费保修',
  },
  summary: {
    stillCovered: '{{whole}}已不在保，但{{name}}仍在保修期内（至 {{end}}）',
    partStillCovered: '{{whole}}已不在保，但 {{date}} 更换的{{name}}仍在保修期内（至 {{end}}）',
  },
  sanbao: {
    repeatFailure_one: '同一故障已修理 {{count}} 次（最近一次 {{last}} 修好），{{date}} 再次报修：按三包规定，可为客户免费更换同型号产品',
    repeatFailure_other: '同一故障已修理 {{count}} 次（最近一次 {{last}} 修好），{{date}} 再次报修：按三包规定，可为客户免费更换同型号产品',
    unrepairedOpen: '{{date}} 报修的故障超过 {{days}} 天（截至 {{deadline}}）仍未修好：按三包规定，可为客户更换同型号产品',
    unrepairedLate: '{{date}} 报修的故障到 {{completed}} 才修好，超过 {{days}} 天（截至 {{deadline}}）：按三包规定，客户可要求更换同型号产品',
    refundOrExchange: '购买（{{purchase}}）后 {{days}} 天内（至 {{deadline}}）出现故障，{{date}} 报修：凭发票和检测报告，客户可选择退货、换货或修理',
    exchange: '购买（{{purchase}}）后 {{days}} 天内（至 {{deadline}}）出现故障，{{date}} 报修：凭发票和检测报告，客户可选择换货或修理',
    needInvoice: '客户没有购货发票：退货、换货一般须凭发票办理',
  },
  ticket: {
    unregisteredUnit: '设备尚未登记，无法核对保修：按保外处理，登记后可更改判定',
  },
};
