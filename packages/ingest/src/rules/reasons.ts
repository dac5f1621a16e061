// The words for each problem a row can have, in Chinese and English (browser-safe: the upload
// preview words its warnings with them too).

import type { Message } from '@fixops/shared';

export function reasonFor(code: string, value: string | null, context: { key?: string; dealer?: string; headerFields?: number }): Message {
  const v = value ?? '';
  switch (code) {
    case 'required': return { zh: '必填值为空', en: 'required value is empty' };
    case 'bad_timestamp': return { zh: `无法识别的时间“${v}”`, en: `unreadable timestamp "${v}"` };
    case 'bad_money': return { zh: `无法识别的金额“${v}”`, en: `unreadable amount "${v}"` };
    case 'bad_integer': return { zh: `无法识别的整数“${v}”`, en: `unreadable whole number "${v}"` };
    case 'negative': return { zh: `不能为负数“${v}”`, en: `must not be negative "${v}"` };
    case 'bad_booking_status': return {
      zh: `无法识别的预约状态“${v}”（可用：已到店、未到店、已取消、待到店…）`,
      en: `unknown booking status "${v}" (use arrived, no_show, cancelled, pending…)`,
    };
    case 'dealer_mismatch': return {
      zh: `经销商代码“${v}”与上传指定的“${context.dealer ?? ''}”不一致`,
      en: `dealer code "${v}" differs from the upload's dealer "${context.dealer ?? ''}"`,
    };
    case 'too_many_fields': return {
      zh: `字段数 ${v} 多于表头的 ${context.headerFields ?? ''} 列（值中可能有未加引号的分隔符）`,
      en: `${v} fields but the header has ${context.headerFields ?? ''} (an unquoted separator inside a value?)`,
    };
    case 'too_few_fields': return {
      zh: `字段数 ${v} 少于表头的 ${context.headerFields ?? ''} 列（可能缺少分隔符，值可能错位）`,
      en: `${v} fields but the header has ${context.headerFields ?? ''} (a missing separator? values may have shifted)`,
    };
    case 'conflict': return {
      zh: `单号“${v}”在文件中出现在多行且内容不同，均不导入`,
      en: `${context.key ?? 'key'} "${v}" appears in several rows with different content; none is loaded`,
    };
    default: return { zh: code, en: code };
  }
}

/**
 * A stored reason ("中文 / English", as `bilingual` writes it) in one language. The split is at
 * the first " / " outside the “…” that quote a value in the Chinese text, so a value holding
 * " / " stays whole; a reason stored in one language only is returned as it is.
 */
export function reasonIn(stored: string, lang: 'zh' | 'en'): string {
  let quoted = false;
  for (let i = 0; i < stored.length; i++) {
    const ch = stored[i];
    if (ch === '“') quoted = true;
    else if (ch === '”') quoted = false;
    else if (!quoted && stored.startsWith(' / ', i)) return lang === 'zh' ? stored.slice(0, i) : stored.slice(i + 3);
  }
  return stored;
}
