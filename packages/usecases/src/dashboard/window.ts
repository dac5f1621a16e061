// The months a dashboard view spans: the `count` months up to `to`, oldest first.

import { addMonths, monthRange } from '@fixops/shared';

export function monthsBack(to: string, count: number): string[] {
  return monthRange(addMonths(to, -(count - 1)), to);
}
