// The header's dealer search: what a typed text (a code, part of a code or of a name) finds
// among the dealers the user may see. One exact or single match goes straight to its page;
// several are listed.

export interface DealerChoice {
  code: string;
  name: string | null;
}

/** Dealers matching `q`: an exact code (case-insensitive) alone, else every code or name containing it. */
export function findDealers(q: string, dealers: readonly DealerChoice[]): DealerChoice[] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const exact = dealers.filter((d) => d.code.toLowerCase() === text);
  if (exact.length > 0) return exact;
  // "SZ009 深圳…" as the datalist fills it in: the leading code decides.
  const lead = text.split(/\s+/)[0]!;
  const byLead = dealers.filter((d) => d.code.toLowerCase() === lead);
  if (byLead.length > 0) return byLead;
  return dealers.filter((d) => d.code.toLowerCase().includes(text) || (d.name ?? '').toLowerCase().includes(text));
}
