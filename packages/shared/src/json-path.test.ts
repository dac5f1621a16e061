import { describe, expect, it } from 'vitest';
import { pathText, segmentsOf } from './json-path.js';

describe('paths in messages', () => {
  it('turns JSON pointers into segments and segments into dotted paths', () => {
    expect(segmentsOf('/kpis/2/weight')).toEqual(['kpis', '2', 'weight']);
    expect(segmentsOf('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(segmentsOf('')).toEqual([]);
    expect(pathText(['sections', '0', 'modules', '1', 'max'])).toBe('sections[0].modules[1].max');
    expect(pathText([])).toBe('');
  });
});
