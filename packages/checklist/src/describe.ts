// Names a place in a template or rule file as a person would look for it ("模块 front_desk.dms"), so refusals say what is wrong.

import { pathText, type Message } from '@fixops/shared';

/** List fields whose entries are named in messages, and the field that names an entry. */
const COLLECTIONS: Record<string, { kind: Message; key: string | null }> = {
  sections: { kind: { zh: '部门', en: 'section' }, key: 'id' },
  modules: { kind: { zh: '模块', en: 'module' }, key: 'id' },
  items: { kind: { zh: '项目', en: 'item' }, key: 'id' },
  dimensions: { kind: { zh: '维度', en: 'dimension' }, key: 'id' },
  classes: { kind: { zh: '类别', en: 'class' }, key: 'id' },
  grades: { kind: { zh: '等级', en: 'grade' }, key: 'grade' },
  periodRules: { kind: { zh: '周期规则', en: 'period rule' }, key: null },
  rules: { kind: { zh: '规则', en: 'rule' }, key: 'id' },
  kpis: { kind: { zh: 'KPI 条件', en: 'KPI trigger' }, key: 'kpi' },
};

/** What a node is called when it is the whole file. */
export const ROOTS = {
  template: { zh: '模板', en: 'template' },
  coaching: { zh: '辅导规则表', en: 'coaching rule table' },
} as const satisfies Record<string, Message>;

/** "模块 front_desk.core_process" / "module front_desk.core_process". */
export function label(kind: Message, id: string): Message {
  return { zh: `${kind.zh} ${id}`, en: `${kind.en} ${id}` };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nodeName(node: unknown, key: string | null, fallback: string): string {
  if (key !== null && isRecord(node)) {
    const v = node[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return fallback;
}

/** "sections[0].modules[1].max" from ['sections', '0', 'modules', '1', 'max']: the shared path wording. */
export { pathText };

export interface Place {
  /** The entry that owns the problem: "模块 front_desk.core_process". */
  owner: Message;
  /** The owner's id (or its path when it has none). */
  ownerId: string;
  /** The field inside the owner, dotted ("max", "weights.delivery"); '' for the owner itself. */
  field: string;
  /** Full path from the root: "sections[0].modules[1].max". */
  path: string;
}

/**
 * The nearest enclosing list entry (a section, module, item, class…) of the value at
 * `segments` in `root`, or the root itself.
 */
export function locate(root: unknown, segments: readonly string[], rootKind: Message): Place {
  let ownerId = nodeName(root, 'id', '');
  let owner: Message = ownerId === '' ? rootKind : label(rootKind, ownerId);
  let ownerDepth = 0;
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    const parentKey = i > 0 ? segments[i - 1] : undefined;
    node = Array.isArray(node) ? node[Number(seg)] : isRecord(node) ? node[seg] : undefined;
    const collection = parentKey !== undefined ? COLLECTIONS[parentKey] : undefined;
    if (/^\d+$/.test(seg) && collection !== undefined && isRecord(node)) {
      const id = nodeName(node, collection.key, pathText(segments.slice(0, i + 1)));
      owner = label(collection.kind, id);
      ownerId = id;
      ownerDepth = i + 1;
    }
  }
  return { owner, ownerId, field: segments.slice(ownerDepth).join('.'), path: pathText(segments) };
}

/** "模块 X 的 max" / "module X: max" — the owner, or the owner's field. */
export function subject(place: Place): Message {
  if (place.field === '') return place.owner;
  return { zh: `${place.owner.zh} 的 ${place.field}`, en: `${place.owner.en}: ${place.field}` };
}
