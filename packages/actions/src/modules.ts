// The checklist modules an action can target: those of the dealer on-site form
// (dealer-aftersales), by id, with their zh/en names and their department's. The form is read
// at most once a minute (listing many actions names each one's module).

import { findTemplate } from '@fixops/assessment';
import { closest, err, ok, type Message, type Result } from '@fixops/shared';

export const DEALER_TEMPLATE = 'dealer-aftersales';
const TTL_MS = 60_000;

let cached: { at: number; names: Promise<Result<Map<string, Message>>> } | null = null;

async function readNames(): Promise<Result<Map<string, Message>>> {
  const t = await findTemplate(DEALER_TEMPLATE);
  if (!t.ok) return t;
  const names = new Map<string, Message>();
  if (t.value.kind === 'points') {
    for (const s of t.value.sections) for (const m of s.modules) names.set(m.id, { zh: `${s.zh} · ${m.zh}`, en: `${s.en} · ${m.en}` });
  }
  return ok(names);
}

function moduleNames(): Promise<Result<Map<string, Message>>> {
  if (!cached || Date.now() - cached.at > TTL_MS) cached = { at: Date.now(), names: readNames() };
  return cached.names;
}

export async function moduleName(id: string): Promise<Result<Message>> {
  const names = await moduleNames();
  if (!names.ok) {
    cached = null;
    return names;
  }
  const found = names.value.get(id);
  if (found) return ok(found);
  const ids = [...names.value.keys()];
  const near = closest(id, ids, 6).join(', ');
  return err('unknown_module', { zh: `没有评估模块“${id}”。最接近的：${near}`, en: `Unknown checklist module "${id}". Closest: ${near}` }, { value: id, choices: closest(id, ids, 20) });
}
