/** Scheduled service: maintenance contracts (维保合同) and visits (月回访、季维护、年保养). */
export const maintenance = {
  nav: '维保',
  contract: {
    kind: { warranty: '保修期内维保', paid: '保外有偿维保' },
    status: { active: '有效', ending: '即将到期', ended: '已结束', cancelled: '已终止' },
  },
  visit: {
    kind: { callback: '回访', inspection: '巡检', maintenance: '保养' },
    status: { due: '待办', done: '已完成', missed: '未完成', cancelled: '已取消' },
  },
  plan: {
    repeat: { quarter: '每季度（3、6、9、12 月 15 日）', months: '每 {{n}} 个月', days: '每 {{n}} 天', after: '验收后第 {{offsets}} 个月' },
    preset: { standard: '月回访、季巡检、年保养', phased: '前三个月每月一次，之后每季度；半年保养', elevator: '电梯：每 15 天保养一次' },
    handover: { project: '工程客户：第 3 个月，首年再两次，次年三次', household: '家庭客户：保修期内每半年一次' },
  },
  errors: {
    contractMissing: '找不到该维保合同（编号 {{id}}）',
    visitMissing: '找不到该服务安排（编号 {{id}}）',
    noUnits: '请至少选择一台设备',
    unitMissing: '所选设备有的已不存在，请重新选择',
    unitNotCustomers: '设备 {{serial}} 不属于该客户',
    overlap: '设备 {{serial}} 在这段时间已有维保合同 {{number}}',
    endsBeforeStart: '结束日期不能早于开始日期',
    lineEndsBeforeStart: '这一行的结束日期不能早于开始日期',
    lineOutsideContract: '服务计划须在合同期内（{{start}} 至 {{end}}）',
    step: '间隔须为 1 到 366 之间的整数',
    noOffsets: '请填写验收后第几个月回访',
    contractCancelled: '维保合同 {{number}} 已终止，不能再修改',
    visitClosed: '服务安排 {{number}} 已结束，不能再修改',
    moveToPast: '不能改到今天以前',
    restDay: '这一天是休息日，请选择工作日',
    outsideContract: '须在合同期内（{{start}} 至 {{end}}）',
    technicianMissing: '找不到该维修人员',
    technicianInactive: '该维修人员已停用',
    reasonRequired: '请写明原因',
  },
};
