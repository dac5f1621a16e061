// Turns a refused selection (unknown dealer, KPI, group, malformed month) into a usage error:
// one line, the valid or closest choices, exit code 2.

import { bilingual, type Result } from '@fixops/shared';
import { UsageError } from './args.js';

export function orUsage<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new UsageError(bilingual(result.error.message));
}

export function langOption(value: string | undefined): 'zh' | 'en' {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang must be zh or en, not "${value}"`);
}
