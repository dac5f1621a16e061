import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

const origin = 'http://fixops.test:3000';

describe('safeNext', () => {
  it('refuses targets a browser would take off-site', () => {
    // The three URLs of the security test, as the query parameter decodes them.
    expect(safeNext(new URLSearchParams('next=/%5Cevil.example/x').get('next'), origin)).toBe('/');
    expect(safeNext(new URLSearchParams('next=/%5Cevil.example').get('next'), origin)).toBe('/');
    expect(safeNext(new URLSearchParams('next=/%09/evil.example').get('next'), origin)).toBe('/');
    for (const next of ['//evil.example', 'https://evil.example/', 'http:evil.example', '\\\\evil.example', '/\t\\evil.example', ' //evil.example',
      'javascript:alert(1)', 'data:text/html,x', '/.//evil.example', '/%2F/evil.example/..', 'http://fixops.test:3001/', 'https://fixops.test:3000/']) {
      const out = safeNext(next, origin);
      expect(new URL(out, origin).origin, next).toBe(origin);
      expect(out.startsWith('//'), next).toBe(false);
    }
    expect(safeNext('/.//evil.example', origin)).toBe('/');
  });

  it('keeps paths on this site, with query and fragment', () => {
    expect(safeNext('/', origin)).toBe('/');
    expect(safeNext('/dealers/SH001?month=2025-12', origin)).toBe('/dealers/SH001?month=2025-12');
    expect(safeNext('/benchmark?kpi=booking_rate#top', origin)).toBe('/benchmark?kpi=booking_rate#top');
    expect(safeNext('/dealers/%E6%B7%B1', origin)).toBe('/dealers/%E6%B7%B1');
    expect(safeNext(`${origin}/uploads`, origin)).toBe('/uploads');
    expect(safeNext('uploads', origin)).toBe('/uploads');
  });

  it('falls back when there is nothing usable', () => {
    expect(safeNext(null, origin)).toBe('/');
    expect(safeNext('', origin, '/x')).toBe('/x');
    expect(safeNext('http://[::1', origin)).toBe('/');
  });
});
