// Every page of one dealer (dealer page, assessment form, report) gets the dealer's action plan
// (整改计划) with each action's measured effect, as `actionPlan`. The API scopes it: a dealer
// account reads only its own; a dealer the caller may not see gives an empty plan here and the
// page's own load answers with the no-access page.

import type { LayoutServerLoad } from './$types';
import { request } from '$lib/api';
import type { ActionItem } from '$lib/actions/types';

export const load: LayoutServerLoad = async ({ fetch, params }) => {
  const r = await request<ActionItem[]>(fetch, `/api/actions?${new URLSearchParams({ dealer: params.code })}`);
  // a new action's default due date: 30 days from today
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { actionPlan: r.ok ? r.value : [], actionDue: due };
};
