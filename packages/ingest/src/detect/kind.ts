// Which kind a file holds: among the kinds whose required columns are all present, the one
// that maps the most columns; `dealers` only when no other kind fits; a tie asks for --kind.

import { fail } from '@fixops/shared';
import { KINDS } from '../kinds/catalog.js';
import { KIND_IDS, type ColumnSpec, type KindId } from '../kinds/types.js';
import { fieldName } from '../kinds/fieldNames.js';
import { mapColumns, type ColumnMapping } from './headers.js';

export function detectKind(headers: readonly string[], file: string): ColumnMapping {
  const fitting = KIND_IDS.filter((k) => k !== 'dealers')
    .map((k) => mapColumns(headers, k))
    .filter((m) => m.missing.length === 0);
  if (fitting.length === 0) {
    const dealers = mapColumns(headers, 'dealers');
    if (dealers.missing.length === 0) return dealers;
    const closest = closestKind(headers);
    const lacking = closest.missing.map((s) => `${fieldName(s.name).zh}（${headersFor(s, 'zh')}）`).join('；');
    const lackingEn = closest.missing.map((s) => `${fieldName(s.name).en} (${s.aliases.join(' / ')})`).join('; ');
    return fail('unknown_kind', {
      zh: `${file}：无法识别文件类型。表头为 ${headers.join(', ')}；没有一种导出类型的必填列齐全。最接近的是“${KINDS[closest.kind].zh}”，缺少：${lacking}。请检查表头或用 --kind 指定类型。`,
      en: `${file}: cannot tell what kind of export this is. Headers: ${headers.join(', ')}; no kind has all its required columns. Closest is ${KINDS[closest.kind].en}, which lacks: ${lackingEn}. Check the headers or give --kind.`,
    }, { file, headers, closest: { kind: closest.kind, missing: closest.missing.map((s) => s.name) } });
  }
  const best = Math.max(...fitting.map((m) => m.mapped.length));
  const winners = fitting.filter((m) => m.mapped.length === best);
  if (winners.length > 1) {
    const names = winners.map((w) => w.kind).join(', ');
    return fail('ambiguous_kind', {
      zh: `${file}：文件同样符合多种类型（${names}），请用 --kind 指定。`,
      en: `${file}: the file fits several kinds equally well (${names}); give --kind.`,
    }, { file, kinds: winners.map((w) => w.kind) });
  }
  return winners[0]!;
}

/** The headers a column may have, for a message: in Chinese the Chinese ones (English ids read as jargon there). */
function headersFor(s: ColumnSpec, lang: 'zh' | 'en'): string {
  const zh = s.aliases.filter((a) => /[\u0080-\uffff]/.test(a));
  return (lang === 'zh' && zh.length > 0 ? zh : s.aliases).join(' / ');
}

/** The kind that came nearest, with what it lacked: helps the refusal message. */
function closestKind(headers: readonly string[]): { kind: KindId; missing: ColumnSpec[] } {
  const scored = KIND_IDS.map((k) => mapColumns(headers, k)).sort((a, b) => b.mapped.length - a.mapped.length || a.missing.length - b.missing.length);
  const m = scored[0]!;
  return { kind: m.kind, missing: m.missing };
}

/** Refusal for a kind given with --kind whose required columns are not all there. */
export function requireColumns(mapping: ColumnMapping, file: string): void {
  if (mapping.missing.length === 0) return;
  const list = (lang: 'zh' | 'en') => mapping.missing.map((s) => `${fieldName(s.name)[lang]} (${headersFor(s, lang)})`).join('; ');
  fail('missing_column', {
    zh: `${file}：缺少必填列（${KINDS[mapping.kind].zh}）：${list('zh')}`,
    en: `${file}: missing required column(s) for ${KINDS[mapping.kind].en}: ${list('en')}`,
  }, { file, kind: mapping.kind, missing: mapping.missing.map((s) => ({ column: s.name, candidates: s.aliases })) });
}
