import { describe, expect, it } from 'vitest';
import { checkRole, checkStaffTemplate, defaultTemplateFor } from './roles.js';

describe('staff roles', () => {
  it('reads a role by id, Chinese or English name; refuses others listing the valid ones', () => {
    expect([checkRole('技师'), checkRole('customer_service'), checkRole('service advisor')].map((r) => r.ok && r.value)).toEqual(['technician', 'customer_service', 'service_advisor']);
    const bad = checkRole('厨师');
    expect(bad.ok ? null : bad.error.message.zh).toBe('没有岗位“厨师”。可选：service_advisor (服务顾问)，customer_service (客服)，technician (技师)，parts (配件员)，warranty (索赔员)，manager (服务经理)，other (其他)');
  });

  it('scores 客服 on the customer-service template and everyone else on the after-sales staff template; only those two', () => {
    expect([defaultTemplateFor('customer_service'), defaultTemplateFor('service_advisor'), defaultTemplateFor('technician')]).toEqual(['customer-service-staff', 'aftersales-staff', 'aftersales-staff']);
    expect(checkStaffTemplate('dealer-aftersales').ok).toBe(false);
    expect(checkStaffTemplate('customer-service-staff').ok).toBe(true);
  });
});
