// Builds 17-character VINs with a valid check digit, per brand WMI, for the vehicles a dealer services.
import type { Rng } from './prng.js';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Model-year codes 2012–2025. */
const YEAR_CODES = 'CDEFGHJKLMNPRS';

function value(ch: string): number {
  const n = ch.charCodeAt(0) - 48;
  return n >= 0 && n <= 9 ? n : (TRANSLIT[ch] as number);
}

export function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) sum += value(vin[i] as string) * (WEIGHTS[i] as number);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function makeVin(rng: Rng, wmi: string): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
  const year = YEAR_CODES[rng.int(0, YEAR_CODES.length - 1)] as string;
  const plant = VIN_CHARS[rng.int(0, 22)] as string;
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  const draft = `${wmi}${vds}0${year}${plant}${serial}`;
  return `${draft.slice(0, 8)}${checkDigit(draft)}${draft.slice(9)}`;
}
