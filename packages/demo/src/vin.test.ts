// VINs: 17 characters, no I/O/Q, valid check digit.
import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import { checkDigit, makeVin } from './vin.js';

describe('vin', () => {
  it('computes the ISO 3779 check digit', () => {
    expect(checkDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(checkDigit('11111111111111111')).toBe('1');
  });

  it('makes 17-char VINs without I, O, Q and a valid check digit', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 200; i++) {
      const vin = makeVin(rng, 'LSV');
      expect(vin).toMatch(/^LSV[A-HJ-NPR-Z0-9]{14}$/);
      expect(vin[8]).toBe(checkDigit(vin));
    }
  });
});
