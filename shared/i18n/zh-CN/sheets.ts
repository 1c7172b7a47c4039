/** Spreadsheets as offices keep them: the formats and encodings read, the refusals, the template and the exports. */
export const sheets = {
  dialog: {
    all: '所有表格文件',
    excel: 'Excel 工作簿',
    wps: 'WPS 表格',
    ods: 'OpenDocument 表格',
    text: 'CSV / 文本文件',
  },
  format: {
    xlsx: 'Excel 工作簿（.xlsx）',
    xls: 'Excel 97-2003 工作簿（.xls）',
    et: 'WPS 表格（.et）',
    ods: 'OpenDocument 表格（.ods）',
    csv: 'CSV / 文本文件',
  },
  encoding: {
    label: '文字编码',
    detected: '自动识别为 {{encoding}}。如果预览里的文字是乱码，请换一种编码。',
    chosen: '按 {{encoding}} 读取（自动识别为 {{detected}}）。',
    'utf-8': 'UTF-8',
    gb18030: 'GBK / GB18030（简体中文）',
    'utf-16le': 'UTF-16 LE（Unicode 文本）',
    'utf-16be': 'UTF-16 BE',
    big5: 'Big5（繁体中文）',
  },
  delimiter: {
    comma: '逗号分隔',
    semicolon: '分号分隔',
    tab: '制表符分隔',
  },
  fileFormat: '格式：$t(sheets.format.{{format}})',
  notASheet: {
    pdf: '文件 {{file}} 是 PDF 文档，不是表格，无法导入。请选择 Excel、WPS、OpenDocument 表格或 CSV 文件。',
    image: '文件 {{file}} 是图片，不是表格，无法导入。请选择 Excel、WPS、OpenDocument 表格或 CSV 文件。',
    zip: '文件 {{file}} 是压缩包或 Word 等其他文档，不是表格，无法导入。请选择 Excel、WPS、OpenDocument 表格或 CSV 文件。',
    other: '文件 {{file}} 不是表格文件（不是 Excel、WPS、OpenDocument 表格，也不是 CSV 或文本文件），无法导入。',
  },
  unreadable: {
    encrypted: '文件 {{file}} 是$t(sheets.format.{{format}})，但设置了打开密码，无法读取。请在表格软件中打开它，取消密码后另存一份再导入。',
    damaged: '文件 {{file}} 看起来是$t(sheets.format.{{format}})，但内容已损坏或不完整，无法读取。请在表格软件中打开它并另存为新文件后再导入。',
  },
  notText: '这个文件不是文本文件，不需要选择文字编码。',
  phoneRestored: '电话单元格存的是数字 {{stored}}（表格把开头的 0 或 + 去掉了），已按 {{phone}} 读取。',
  phoneNumberCell: '电话单元格存的是数字 {{value}}，不能确定原来输入的号码。请把这一列设为“文本”格式，重新输入号码后再导入。',
};
