import { describe, expect, it } from 'vitest';
import { formField } from './formField';

describe('formField', () => {
  it('returns the text of a field, empty text included', () => {
    const f = new FormData();
    f.set('date', '2026-03-01');
    f.set('notes', '');
    expect(formField(f, 'date')).toBe('2026-03-01');
    expect(formField(f, 'notes')).toBe('');
  });

  it('returns null for a missing field or a file', () => {
    const f = new FormData();
    f.set('upload', new Blob(['x']), 'a.txt');
    expect(formField(f, 'absent')).toBeNull();
    expect(formField(f, 'upload')).toBeNull();
  });
});
