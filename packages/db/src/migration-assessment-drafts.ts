// Migration 9 (helper A16a): an on-site visit can be a draft and belongs to a data month.
// Each visit gets the month whose KPIs it is read against (data_month, YYYY-MM text: `month` columns
// are DATEs that the Parquet export partitions by) (for old visits: the dealer's latest
// month with data on or before the visit date, else the visit date's month), how many lines of
// its form are scored and how many there are (counted from the stored scorecard: an item is a
// line, a module without items one line), and when it was last saved and finished. A visit
// stored before drafts existed stays as it was judged: complete ones keep their pass or fail,
// incomplete ones become drafts that can be continued.

import type { Migration } from './migrations.js';

export const assessmentDraftsMigration: Migration = {
  version: 9,
  name: 'assessments: drafts (lines scored of lines to score, finished), the data month of each visit',
  sql: `
    ALTER TABLE assessments ADD COLUMN data_month VARCHAR;
    ALTER TABLE assessments ADD COLUMN scored INTEGER;
    ALTER TABLE assessments ADD COLUMN lines INTEGER;
    ALTER TABLE assessments ADD COLUMN finished_at TIMESTAMP;
    ALTER TABLE assessments ADD COLUMN updated_at TIMESTAMP;
    UPDATE assessments a SET data_month = coalesce(
      (SELECT strftime(max(k.month), '%Y-%m') FROM kpi_values k
        WHERE k.dealer_code = a.dealer_code AND k.kpi = 'ro_count' AND k.month <= a.assessed_on),
      strftime(a.assessed_on, '%Y-%m'));
    UPDATE assessments a SET scored = c.scored, lines = c.lines FROM (
      SELECT id,
        sum(CASE WHEN json_type(m, '$.items') = 'ARRAY' THEN json_array_length(m, '$.items') ELSE 1 END)::INTEGER AS lines,
        sum(CASE WHEN json_type(m, '$.items') = 'ARRAY'
                 THEN list_count(list_filter(json_extract(m, '$.items[*].score'), s -> json_type(s) <> 'NULL'))
                 WHEN (m->>'complete') = 'true' THEN 1 ELSE 0 END)::INTEGER AS scored
      FROM (SELECT id, unnest(json_extract(scorecard, '$.sections[*].modules[*]')) AS m FROM assessments)
      GROUP BY id
    ) c WHERE a.id = c.id;
    UPDATE assessments SET scored = 0, lines = 0 WHERE scored IS NULL;
    UPDATE assessments SET updated_at = created_at, finished_at = CASE WHEN complete THEN created_at END;
  `,
};
