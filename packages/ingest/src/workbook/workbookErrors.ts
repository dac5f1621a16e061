// The refusals of a workbook, each naming the file, in Chinese and English.

import { FixopsException } from '@fixops/shared';

export function encryptedWorkbook(file: string): FixopsException {
  return new FixopsException({
    code: 'workbook_encrypted',
    message: {
      zh: `${file}：工作簿设置了打开密码（已加密），无法读取，没有导入任何数据。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后重新上传。`,
      en: `${file}: the workbook is password-protected (encrypted) and cannot be read; nothing was loaded. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) and upload it again.`,
    },
    details: { file },
  });
}

export function corruptWorkbook(file: string, cause: string): FixopsException {
  return new FixopsException({
    code: 'workbook_corrupt',
    message: {
      zh: `${file}：无法读取这个 Excel 工作簿（文件已损坏或不完整），没有导入任何数据。请在 Excel 中打开并重新保存，或另存为 CSV 后上传。`,
      en: `${file}: this Excel workbook cannot be read (the file is damaged or incomplete); nothing was loaded. Open it in Excel and save it again, or save it as CSV and upload that.`,
    },
    details: { file, cause: cause.slice(0, 300) },
  });
}

export function noSheetDetected(file: string, sheets: string[], hidden: string[], why: string[]): FixopsException {
  const list = sheets.length > 0 ? sheets.join('、') : '（无）';
  const hiddenZh = hidden.length > 0 ? `；隐藏的工作表（${hidden.join('、')}）不读取` : '';
  const hiddenEn = hidden.length > 0 ? `; hidden sheets (${hidden.join(', ')}) are not read` : '';
  return new FixopsException({
    code: 'no_sheet_detected',
    message: {
      zh: `${file}：工作簿中没有一个工作表能识别出导出类型（查看了：${list}${hiddenZh}）。表头须在前 10 行内，且至少 3 列能对应同一种导出的列名。可用 --sheet 指定工作表、--kind 指定类型。`,
      en: `${file}: no sheet of the workbook has a header that detects a kind of export (looked at: ${sheets.join(', ') || 'none'}${hiddenEn}). The header must be within the first 10 rows with at least 3 cells naming columns of one kind. Give --sheet and/or --kind.`,
    },
    details: { file, sheets, hidden, reasons: why },
  });
}

export function sheetNotFound(file: string, sheet: string, sheets: string[]): FixopsException {
  return new FixopsException({
    code: 'sheet_not_found',
    message: {
      zh: `${file}：工作簿中没有名为“${sheet}”的工作表（有：${sheets.join('、')}）。`,
      en: `${file}: the workbook has no sheet named "${sheet}" (it has: ${sheets.join(', ')}).`,
    },
    details: { file, sheet, sheets },
  });
}
