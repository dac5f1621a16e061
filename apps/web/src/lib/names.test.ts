import { describe, expect, it } from 'vitest';
import { groupName, nameBook, regionName } from './names.js';

// Rows as the API sends them: the names come from the dealers master.
const book = nameBook([
  { region: '华东', group: 'metro', regionName: { zh: '华东', en: 'East China' }, groupName: { zh: '大城市', en: 'Metro' } },
  { region: '华北', group: 'city', regionName: { zh: '华北', en: 'North China' }, groupName: { zh: '城市', en: 'City' } },
  { region: '长三角', group: 'tier1', regionName: { zh: '长三角', en: 'Yangtze Delta' }, groupName: { zh: '一级', en: 'Tier 1' } },
  { region: null, group: '4s-north', regionName: null, groupName: { zh: '4s-north', en: '4s-north' } },
]);

describe('regions and peer groups in the page\'s language', () => {
  it('names regions and groups in English and Chinese with the names the API sent', () => {
    expect(['华东', '华北', '长三角'].map((r) => regionName(r, 'en', book))).toEqual(['East China', 'North China', 'Yangtze Delta']);
    expect(regionName('华东', 'zh', book)).toBe('华东');
    expect(groupName('metro', 'zh', book)).toBe('大城市');
    expect(groupName('city', 'en', book)).toBe('City');
    expect(groupName('tier1', 'zh', book)).toBe('一级');
  });
  it('shows a value without a name as the master has it, and a dash for none', () => {
    expect(regionName('华南', 'en', book)).toBe('华南');
    expect(groupName('4s-north', 'zh', book)).toBe('4s-north');
    expect(groupName('other', 'en', nameBook([]))).toBe('other');
    expect(regionName(null, 'zh', book)).toBe('—');
    expect(groupName('', 'en', book)).toBe('—');
  });
  it('holds no names of its own: an empty book names nothing', () => {
    expect(regionName('华东', 'en', nameBook([]))).toBe('华东');
    expect(groupName('metro', 'zh', nameBook([]))).toBe('metro');
  });
});
