// The rows API's answer (GET /api/dealers/:code/kpis/:kpi/rows), typed from its contract; each
// row also carries its table's columns by name (the contract's additional properties).

import type { Static } from 'typebox';
import type { KpiRow, KpiRows } from '@fixops/contracts';

export type RowCell = string | number | boolean | null | undefined;
export type KpiRowsAnswer = Omit<Static<typeof KpiRows>, 'rows'> & { rows: (Static<typeof KpiRow> & Record<string, RowCell>)[] };
