// The checklist modules an action can target: those of the dealer on-site form
// (dealer-aftersales), by id, with their zh/en names and their department's.

import { findTemplate } from '@fixops/assessment';
import { closest, err, ok, type Message, type Result } from '@fixops/shared';

export const DEALER_TEMPLATE = 'dealer-aftersales';

export async function moduleName(id: string): Promise<Result<Message>> {
  const t = await findTemplate(DEALER_TEMPLATE);
  if (!t.ok) return t;
  if (t.value.kind !== 'points') return err('unknown_module', { zh: `评估表不含模块`, en: 'The template has no modules' }, { id });
  const ids: string[] = [];
  for (const s of t.value.sections) {
    for (const m of s.modules) {
      ids.push(m.id);
      if (m.id === id) return ok({ zh: `${s.zh} · ${m.zh}`, en: `${s.en} · ${m.en}` });
    }
  }
  const near = closest(id, ids, 6).join(', ');
  return err('unknown_module', { zh: `没有评估模块“${id}”。最接近的：${near}`, en: `Unknown checklist module "${id}". Closest: ${near}` }, { value: id, choices: closest(id, ids, 20) });
}
