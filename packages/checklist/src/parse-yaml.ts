// Reads YAML (or JSON) text into plain data, refusing syntax errors and duplicate keys with line and column.

import { parseDocument } from 'yaml';
import { err, ok, type Result } from '@fixops/shared';

export function parseYaml(text: string, code: string): Result<unknown> {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    const where = pos === undefined ? '' : ` (line ${pos.line}, column ${pos.col})`;
    const whereZh = pos === undefined ? '' : `（第 ${pos.line} 行第 ${pos.col} 列）`;
    const reason = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    return err(code, { zh: `YAML 格式错误${whereZh}：${reason}`, en: `Invalid YAML${where}: ${reason}` }, {
      line: pos?.line,
      column: pos?.col,
      yamlCode: first.code,
    });
  }
  return ok(doc.toJS({ maxAliasCount: 100 }) as unknown);
}
