/** 启动后在后台进行的工作：今天的备份、升级后的索引（问题 23）。 */
export const background = {
  backup: {
    copy: '正在后台备份今天的数据：复制 {{percent}}%',
    check: '正在后台备份今天的数据：检查副本',
    compress: '正在后台备份今天的数据：压缩并核对',
    manualCopy: '正在备份：复制 {{percent}}%',
    manualCheck: '正在备份：检查副本',
    manualCompress: '正在备份：压缩并核对',
    failed: '今天的备份没有完成（{{problem}}）。可以在“设置 → 备份”里再备份一次。',
    done: '今天的备份已完成：{{size}}（原文件 {{raw}}），用时 {{seconds}} 秒',
  },
  indexing: {
    search: '正在更新搜索索引：{{done}} / {{total}}，期间可照常使用，个别记录可能暂时搜不到',
    audit: '正在为操作记录建立全文索引：{{done}} / {{total}}，完成前全文搜索只查最近 90 天',
  },
  sizeRaw: '原 {{raw}}',
};
