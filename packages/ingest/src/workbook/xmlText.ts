// The text of SpreadsheetML elements, found with indexOf rather than a general XML parser (a
// sheet has millions of cells): entity and _xHHHH_ unescaping, attribute values, and the
// text of a string item (<t> runs concatenated, phonetic <rPh> runs left out).

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') !== -1) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!);
  }
  // OOXML writes control characters (a line break in a cell: _x000D_) as _xHHHH_
  if (s.indexOf('_x') !== -1) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The value of attribute `name` in a tag's attribute text (` name="…"`), or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  let i = tag.indexOf(key);
  if (i === -1) {
    // attributes may be separated by line breaks or tabs, or single-quoted
    const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag);
    return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
  }
  i += key.length;
  const end = tag.indexOf('"', i);
  return unescapeXml(tag.slice(i, end));
}

/** The text of a string item (<si> or <is> content): its <t> elements, phonetic runs excluded. */
export function stringItemText(xml: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const t = xml.indexOf('<t', i);
    if (t === -1) break;
    const c = xml.charCodeAt(t + 2);
    if (c !== 62 /* > */ && c !== 32 /* space */ && c !== 47 /* / */) {
      i = t + 2;
      continue;
    }
    // a <t> inside a phonetic run (<rPh>…</rPh>) is the reading, not the text
    const ph = xml.lastIndexOf('<rPh', t);
    if (ph !== -1 && xml.indexOf('</rPh>', ph) > t) {
      i = xml.indexOf('</rPh>', ph) + 6;
      continue;
    }
    const open = xml.indexOf('>', t);
    if (xml.charCodeAt(open - 1) === 47) {
      i = open + 1; // <t/>
      continue;
    }
    const close = xml.indexOf('</t>', open);
    if (close === -1) break;
    out += xml.slice(open + 1, close);
    i = close + 4;
  }
  return unescapeXml(out);
}
