// What a dealer user may see of a comparison: its own row, and every other dealer as an
// anonymous peer (同组经销商 A / Peer A, lettered by rank, so no code, name, region or group and no
// alphabetical order gives a peer away), the selection without dealer codes, no file path.
// Every output (JSON, HTML, CSV, xlsx) is rendered from the scoped result, so all are anonymous.

import type { ComparisonResult, DealerInfo, DealerScore, DealerSelector } from '@fixops/compare';
import type { Lang, Message } from '@fixops/shared';

/** Who is looking: admin and consultant see every dealer; a dealer user its own dealer only. */
export interface ComparisonViewer {
  role: 'admin' | 'consultant' | 'dealer';
  dealer?: string | null;
}

/** A dealer row as the viewer sees it: `peer` when it stands for another dealer, anonymously. */
export type ScopedRow = DealerScore & { peer: boolean };
export type ScopedMissing = DealerInfo & { peer: boolean };

export interface ScopedComparison extends Omit<ComparisonResult, 'rows' | 'missing'> {
  rows: ScopedRow[];
  missing: ScopedMissing[];
  /** True when other dealers are shown as anonymous peers. */
  anonymous: boolean;
}

export const isDealerViewer = (v: ComparisonViewer): boolean => v.role === 'dealer';

/** A, B, …, Z, AA, AB, … */
export function peerLetter(i: number): string {
  let n = i;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function peerLabel(i: number, lang: Lang): string {
  return lang === 'en' ? `Peer ${peerLetter(i)}` : `同组经销商 ${peerLetter(i)}`;
}

/** The selection in words without dealer codes: "指定的 3 家经销商" instead of "经销商 SH001、BJ002、GZ003". */
export function anonymousSelection(s: DealerSelector): Message {
  const parts: Message[] = [];
  if (s.all) parts.push({ zh: '全部经销商', en: 'all dealers' });
  if (s.codes) parts.push({ zh: `指定的 ${s.codes.length} 家经销商`, en: `${s.codes.length} listed dealers` });
  if (s.regions) parts.push({ zh: `大区 ${s.regions.join('、')}`, en: `region ${s.regions.join(', ')}` });
  if (s.groups) parts.push({ zh: `分组 ${s.groups.join('、')}`, en: `peer group ${s.groups.join(', ')}` });
  if (s.exclude) parts.push({ zh: `不含 ${s.exclude.length} 家`, en: `excluding ${s.exclude.length}` });
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join('; ') };
}

/**
 * The result as `viewer` may see it. For a dealer user every other dealer becomes "Peer A…" in
 * `lang` (ranked rows first, then those without values), with no name, region or group.
 */
export function scopeComparison(r: ComparisonResult, selector: DealerSelector, viewer: ComparisonViewer, lang: Lang): ScopedComparison {
  const { file: _file, ...rest } = r;
  if (!isDealerViewer(viewer)) {
    return { ...rest, rows: r.rows.map((d) => ({ ...d, peer: false })), missing: r.missing.map((d) => ({ ...d, peer: false })), anonymous: false };
  }
  const own = viewer.dealer ?? null;
  let next = 0;
  const hide = <T extends DealerInfo>(d: T): T & { peer: boolean } => (d.dealer === own
    ? { ...d, peer: false }
    : { ...d, dealer: peerLabel(next++, lang), name: null, region: null, group: '', peer: true });
  const rows = r.rows.map(hide);
  const missing = r.missing.map(hide);
  return { ...rest, selection: anonymousSelection(selector), rows, missing, anonymous: true };
}
