// The action plan's shapes as the dashboard receives them from the API (Static<> of the contracts).

import type { Static } from 'typebox';
import type { ActionWithEffect } from '@fixops/contracts';

export type ActionItem = Static<typeof ActionWithEffect>;
