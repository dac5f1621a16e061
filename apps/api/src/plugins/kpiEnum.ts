// The OpenAPI document names the KPI ids a client may use: every KPI parameter (path or query)
// and every `kpi` text field of a body or answer gets an enum of the catalogue loaded at start
// (the shipped KPI files plus those a network added, FIXOPS_KPIS_DIR), so an added KPI shows up in
// /api/docs. Only the document changes: requests are still checked by the routes (checkKpi), which
// answer an unknown id with 404 unknown_kpi and the closest ids in zh/en.

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A plain text schema (not already an enum): the shape of a KPI id field. */
function isText(s: unknown): s is Json {
  return isObject(s) && s.type === 'string' && s.enum === undefined && s.format === undefined;
}

function withIds(s: Json, ids: readonly string[]): Json {
  const { maxLength: _max, minLength: _min, ...rest } = s;
  return { ...rest, enum: [...ids], description: `${typeof s.description === 'string' ? `${s.description} · ` : ''}KPI id of the catalogue (data/kpis/*.yaml)` };
}

/** Every schema under `node`: a `kpi` property that is text becomes the enum; nested schemas are walked. */
function walkSchema(node: unknown, ids: readonly string[]): void {
  if (Array.isArray(node)) {
    for (const x of node) walkSchema(x, ids);
    return;
  }
  if (!isObject(node)) return;
  const props = node.properties;
  if (isObject(props) && isText(props.kpi)) props.kpi = withIds(props.kpi, ids);
  for (const v of Object.values(node)) walkSchema(v, ids);
}

/** The OpenAPI 3 document with the KPI ids as enums (changed in place and returned). */
export function documentKpiIds<T extends object>(doc: T, ids: readonly string[]): T {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const ops of Object.values(paths)) {
    for (const op of Object.values(ops)) {
      if (!isObject(op)) continue;
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
        if (isObject(p) && p.name === 'kpi' && isText(p.schema)) p.schema = withIds(p.schema, ids);
      }
      walkSchema(op.requestBody, ids);
      walkSchema(op.responses, ids);
    }
  }
  return doc;
}
