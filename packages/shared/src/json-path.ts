// How a place inside a parsed file is written in messages: "sections[0].modules[1].max".
// Browser-safe, so the checklist's score entry (which runs in the dashboard) names places the
// same way as the schema checks in ./yaml-schema.ts.

/** ['kpis', '2', 'weight'] from the JSON pointer "/kpis/2/weight". */
export function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** "kpis[2].weight" from ['kpis', '2', 'weight']. */
export function pathText(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}
