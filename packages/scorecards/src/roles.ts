// The roles a dealer's after-sales staff can have, their names, and which scorecard each is
// scored on by default (客服 on the customer-service template, everyone else on the
// after-sales staff template). Advisors found in repair orders are 服务顾问.

import { closest, err, ok, type Message, type Result } from '@fixops/shared';

export const STAFF_ROLES = {
  service_advisor: { zh: '服务顾问', en: 'Service advisor' },
  customer_service: { zh: '客服', en: 'Customer service' },
  technician: { zh: '技师', en: 'Technician' },
  parts: { zh: '配件员', en: 'Parts clerk' },
  warranty: { zh: '索赔员', en: 'Warranty clerk' },
  manager: { zh: '服务经理', en: 'Service manager' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Message>;

export type StaffRole = keyof typeof STAFF_ROLES;
export const ROLE_IDS = Object.keys(STAFF_ROLES) as StaffRole[];

/** The scorecard templates a person can be scored on. */
export const STAFF_TEMPLATES = ['aftersales-staff', 'customer-service-staff'] as const;
export type StaffTemplateId = (typeof STAFF_TEMPLATES)[number];

export function defaultTemplateFor(role: string): StaffTemplateId {
  return role === 'customer_service' ? 'customer-service-staff' : 'aftersales-staff';
}

/** A role by its id or its Chinese or English name (服务顾问, Technician). */
export function checkRole(text: string): Result<StaffRole> {
  const t = text.trim();
  for (const id of ROLE_IDS) {
    const r = STAFF_ROLES[id];
    if (t === id || t === r.zh || t.toLowerCase() === r.en.toLowerCase()) return ok(id);
  }
  const names = ROLE_IDS.map((id) => `${id} (${STAFF_ROLES[id].zh})`);
  return err('unknown_role', {
    zh: `没有岗位“${t}”。可选：${names.join('，')}`,
    en: `Unknown role "${t}". Valid: ${closest(t, ROLE_IDS, 7).join(', ')}`,
  }, { value: t, choices: ROLE_IDS });
}

export function checkStaffTemplate(id: string): Result<StaffTemplateId> {
  if ((STAFF_TEMPLATES as readonly string[]).includes(id)) return ok(id as StaffTemplateId);
  return err('not_staff_template', {
    zh: `评估表“${id}”不是人员考核表。可选：${STAFF_TEMPLATES.join('、')}`,
    en: `Template "${id}" is not a staff scorecard. Valid: ${STAFF_TEMPLATES.join(', ')}`,
  }, { value: id, choices: [...STAFF_TEMPLATES] });
}
