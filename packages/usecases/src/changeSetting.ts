// Changing one setting or KPI target: stored (and audited) and what depends on it recomputed in
// one transaction, answering what the recompute changed in the flags. The CLI and the API call
// this, so both report the same added and removed flags.

import type { DuckDBConnection } from '@duckdb/node-api';
import { transaction, type AuditActor } from '@fixops/db';
import { recomputeAfterSetting, settingDefinition, storeSetting } from '@fixops/metrics';
import { withFlagChanges, type FlagChanges } from './flagChanges.js';

export interface SettingChangeResult {
  key: string;
  /** The value now in force (the default after a reset). */
  value: number;
  reset: boolean;
  dealerMonths: number;
  ms: number;
  flags: FlagChanges;
}

/** `value` null resets to the default; the key and value must already be checked (parseSetting). */
export async function changeSetting(c: DuckDBConnection, key: string, value: number | null, actor?: AuditActor): Promise<SettingChangeResult> {
  const { result: stats, flags } = await transaction(c, () => withFlagChanges(c, async () => {
    await storeSetting(c, key, value, actor);
    return recomputeAfterSetting(c, key);
  }));
  return { key, value: value ?? settingDefinition(key)!.default, reset: value === null, dealerMonths: stats.dealerMonths, ms: stats.ms, flags };
}
