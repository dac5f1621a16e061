// Shapes shared by every resource: the error body, months, dealer codes.

import { Type, type TSchema } from 'typebox';

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Unknown(),
  }),
}, { $id: 'Error' });

export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM', examples: ['2025-12'] });
export const DealerCode = Type.String({ minLength: 1, maxLength: 64 });
export const Lang = Type.Union([Type.Literal('zh'), Type.Literal('en')]);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A region's or peer group's name in both languages, from the dealers master (the stored value where no name is stored). */
export const PlaceName = Type.Object({ zh: Type.String(), en: Type.String() });
/** `?format=xlsx` turns a table answer into a workbook download (`lang`: its headers' language). */
export const DownloadFormat = Type.Union([Type.Literal('json'), Type.Literal('xlsx')], { description: 'json (default) or xlsx: the same rows as an Excel workbook download' });
export const DealerParams = Type.Object({ code: DealerCode });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const ERROR_REF = Type.Ref('Error');

/** The success schema plus the error answers a route can give. */
export function responses<T extends TSchema>(ok: T, codes: number[] = [], okCode = 200) {
  const out: Record<number, TSchema> = { [okCode]: ok };
  for (const c of [401, ...codes]) out[c] = ERROR_REF;
  return out as { 200: T } & Record<number, TSchema>;
}
