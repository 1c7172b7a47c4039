/** An import still being written, and one cut short that could not be taken back (issue 23). */
export const importGuard = {
  stillImporting: {
    customer: '这位客户还在导入中，请稍候再试。导入写完之前，它的资料只能查看，不能修改，也不能用来登记新的记录。',
    unit: '这台设备还在导入中，请稍候再试。导入写完之前，它的资料只能查看，不能修改，也不能用来登记新的记录。',
    model: '这个型号还在导入中，请稍候再试。导入写完之前，它只能查看，不能修改，也不能用来登记新的设备。',
  },
  cutShort: {
    note: '{{at}} 从 {{file}} 的导入没有写完就中断了。已写入的 {{customers}} 位客户、{{units}} 台设备没能撤回，因为之后的工作已经用到了它们。这些资料都保留着，您的记录一条也没有删。可以在“导入”页查看这次导入，或在不再用到时撤销它。',
    open: '打开导入页',
    seen: '知道了',
    badge: '未导完',
    hint: '这次导入中断了，只写入了一部分。撤销前会列出用到它的记录。',
  },
};
