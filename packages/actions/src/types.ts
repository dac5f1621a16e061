// The shapes of an action plan (整改计划) as every caller sees them — the CLI, the API's
// contracts, the dashboard and the report — and the rules of who may move an action where.
// Browser-safe.

import type { Message } from '@fixops/shared';
import type { KpiEffect, ModuleEffect } from './effect.js';

export const ACTION_STATUSES = ['open', 'done', 'verified'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type TargetKind = 'kpi' | 'module';

export interface ActionEvent {
  at: string;
  user: string;
  status: ActionStatus | null;
  note: string | null;
}

export interface Action {
  id: number;
  dealer: string;
  target: { kind: TargetKind; id: string; name: Message };
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  status: ActionStatus;
  /** YYYY-MM-DD the action was agreed (the effect's before window ends the month before). */
  created: string;
  createdBy: string;
  /** Still open and its due date has passed (judged on the day the list was read). */
  overdue: boolean;
  events: ActionEvent[];
}

export type ActionEffect = KpiEffect | ModuleEffect;

export interface ActionWithEffect extends Action {
  effect: ActionEffect;
  /** The KPI's unit and better direction (kpi actions), so the numbers read right. */
  unit: 'count' | 'rate' | 'money' | null;
  better: 'higher' | 'lower' | null;
}

export interface ActionCounts {
  dealer: string;
  open: number;
  overdue: number;
}

export type Role = 'admin' | 'consultant' | 'dealer';

/**
 * Who may set which status: admins and consultants any; a dealer user may mark its own actions
 * done (or reopen them while not yet verified) but never verified — verifying is the consultant's
 * check at the next visit, so a dealer cannot sign off its own homework.
 */
export function mayMoveTo(role: Role, from: ActionStatus, to: ActionStatus): boolean {
  if (role === 'admin' || role === 'consultant') return true;
  return to !== 'verified' && from !== 'verified';
}
