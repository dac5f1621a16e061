// /comparisons: the comparison files (title, dealers, KPIs, month) with a link to each; admins
// and consultants also get "new comparison". A dealer user sees the comparisons holding its dealer.

import type { PageServerLoad } from './$types';
import { must } from '$lib/api';
import type { ComparisonList } from '$lib/comparisons/model';

export const load: PageServerLoad = async ({ fetch, url }) => ({ list: await must<ComparisonList>(fetch, '/api/comparisons', url) });
