import { describe, expect, it } from 'vitest';
import { groupName, regionName } from './names.js';

describe('regions and peer groups in the page\'s language', () => {
  it('names the demo network\'s regions and groups in English and Chinese', () => {
    expect(['华东', '华北', '华南'].map((r) => regionName(r, 'en'))).toEqual(['East China', 'North China', 'South China']);
    expect(regionName('华东', 'zh')).toBe('华东');
    expect(groupName('metro', 'zh')).toBe('大城市');
    expect(groupName('city', 'en')).toBe('City');
  });
  it('shows an unknown value as the master has it, and a dash for none', () => {
    expect(regionName('长三角', 'en')).toBe('长三角');
    expect(groupName('4s-north', 'zh')).toBe('4s-north');
    expect(regionName(null, 'zh')).toBe('—');
  });
});
