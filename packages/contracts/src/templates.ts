// One checklist template in full (sections → modules → items with max, pass rates, guides),
// for the dashboard's assessment form.

import { Type } from 'typebox';

export const TemplateParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$', description: 'template id, e.g. dealer-aftersales' }) });

/** The validated template as loaded from data/templates (points or weighted). */
export const FullTemplate = Type.Object({
  id: Type.String(), version: Type.Number(), kind: Type.String(), zh: Type.String(), en: Type.String(),
}, { additionalProperties: true });
