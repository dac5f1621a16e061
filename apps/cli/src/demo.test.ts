// `fixops demo` loads the generated network through the real ingest path, and every file's
// counts match what the generator knows it put in (an independent account of the same rows).

import { join } from 'node:path';
import { generateNetwork } from '@fixops/demo';
import { openDatabase, queryJson } from '@fixops/db';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

const SEPARATOR_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

describe('fixops demo', () => {
  it('loads every file of the demo network with exactly the generator\'s counts', async () => {
    const db = join(tempDir(), 'demo.duckdb');
    const r = fixops(['demo', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { totals: Record<string, string>; files: Record<string, unknown>[] };
    const network = generateNetwork();
    expect(out.files.map((f) => f.file)).toEqual(network.files.map((f) => f.name));
    for (const [i, f] of network.files.entries()) {
      expect(out.files[i], f.name).toMatchObject({
        status: 'loaded',
        kind: f.kind,
        encoding: f.encoding,
        separator: SEPARATOR_NAME[f.separator],
        rowsRejected: f.badRows,
        rowsDuplicate: f.duplicateRows,
        rowsSkipped: f.totalsRows,
        rowsLoaded: f.rows - f.badRows - f.duplicateRows,
        months: f.kind === 'customers' || f.kind === 'dealers' ? [] : f.months,
        dealers: f.kind === 'dealers' ? network.dealers.map((d) => d.code).sort() : [f.dealer ?? f.name.slice(0, 5)],
      });
    }
    expect(out.totals).toMatchObject({ dealers: '12', months: '24' });

    const conn = await openDatabase(db);
    try {
      const dealers = await queryJson<{ dealer_code: string; name: string; region: string; peer_group: string }>(conn.connection, 'SELECT dealer_code, name, region, peer_group FROM dealers ORDER BY 1');
      expect(dealers).toEqual(network.dealers.map((d) => ({ dealer_code: d.code, name: d.name, region: d.region, peer_group: d.group })).sort((a, b) => a.dealer_code.localeCompare(b.dealer_code)));
      const personal = await queryJson(conn.connection, "SELECT count(*)::INTEGER AS n FROM rejected_rows WHERE raw_text SIMILAR TO '.*1[3-9][0-9]{9}.*'");
      expect(personal).toEqual([{ n: 0 }]);
    } finally {
      conn.close();
    }
  });
});
