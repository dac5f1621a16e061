// The dealer network itself: codes, names (中文 + English), region, peer group, city and DMS style.
import type { DemoDealer, StyleId } from './types.js';

export interface City {
  code: string;
  name: string;
  nameEn: string;
  region: '华东' | '华北' | '华南';
  group: 'metro' | 'city';
  /** Plate prefix (province character + city letter). */
  plate: [string, string];
  areaCode: string;
  districts: readonly string[];
}

/** The first twelve interleave regions and groups so any prefix of the list is balanced. */
export const CITIES: readonly City[] = [
  { code: 'SH', name: '上海', nameEn: 'Shanghai', region: '华东', group: 'metro', plate: ['沪', 'A'], areaCode: '310115', districts: ['浦东新区', '闵行区', '徐汇区', '嘉定区'] },
  { code: 'BJ', name: '北京', nameEn: 'Beijing', region: '华北', group: 'metro', plate: ['京', 'N'], areaCode: '110105', districts: ['朝阳区', '海淀区', '丰台区', '大兴区'] },
  { code: 'GZ', name: '广州', nameEn: 'Guangzhou', region: '华南', group: 'metro', plate: ['粤', 'A'], areaCode: '440106', districts: ['天河区', '白云区', '番禺区', '海珠区'] },
  { code: 'SU', name: '苏州', nameEn: 'Suzhou', region: '华东', group: 'city', plate: ['苏', 'E'], areaCode: '320505', districts: ['虎丘区', '吴中区', '相城区', '工业园区'] },
  { code: 'TJ', name: '天津', nameEn: 'Tianjin', region: '华北', group: 'metro', plate: ['津', 'C'], areaCode: '120104', districts: ['南开区', '河西区', '西青区', '东丽区'] },
  { code: 'FS', name: '佛山', nameEn: 'Foshan', region: '华南', group: 'city', plate: ['粤', 'E'], areaCode: '440606', districts: ['顺德区', '南海区', '禅城区'] },
  { code: 'HZ', name: '杭州', nameEn: 'Hangzhou', region: '华东', group: 'metro', plate: ['浙', 'A'], areaCode: '330106', districts: ['西湖区', '滨江区', '余杭区', '萧山区'] },
  { code: 'SJ', name: '石家庄', nameEn: 'Shijiazhuang', region: '华北', group: 'city', plate: ['冀', 'A'], areaCode: '130104', districts: ['长安区', '裕华区', '桥西区'] },
  { code: 'SZ', name: '深圳', nameEn: 'Shenzhen', region: '华南', group: 'metro', plate: ['粤', 'B'], areaCode: '440305', districts: ['南山区', '福田区', '宝安区', '龙岗区'] },
  { code: 'NB', name: '宁波', nameEn: 'Ningbo', region: '华东', group: 'city', plate: ['浙', 'B'], areaCode: '330212', districts: ['鄞州区', '江北区', '海曙区'] },
  { code: 'TY', name: '太原', nameEn: 'Taiyuan', region: '华北', group: 'city', plate: ['晋', 'A'], areaCode: '140105', districts: ['小店区', '迎泽区', '万柏林区'] },
  { code: 'DG', name: '东莞', nameEn: 'Dongguan', region: '华南', group: 'city', plate: ['粤', 'S'], areaCode: '441900', districts: ['南城街道', '东城街道', '长安镇'] },
  { code: 'NJ', name: '南京', nameEn: 'Nanjing', region: '华东', group: 'metro', plate: ['苏', 'A'], areaCode: '320106', districts: ['鼓楼区', '江宁区', '建邺区'] },
  { code: 'JN', name: '济南', nameEn: 'Jinan', region: '华北', group: 'city', plate: ['鲁', 'A'], areaCode: '370102', districts: ['历下区', '槐荫区', '历城区'] },
  { code: 'XM', name: '厦门', nameEn: 'Xiamen', region: '华南', group: 'city', plate: ['闽', 'D'], areaCode: '350206', districts: ['湖里区', '思明区', '集美区'] },
  { code: 'HF', name: '合肥', nameEn: 'Hefei', region: '华东', group: 'city', plate: ['皖', 'A'], areaCode: '340104', districts: ['蜀山区', '包河区', '庐阳区'] },
  { code: 'HH', name: '呼和浩特', nameEn: 'Hohhot', region: '华北', group: 'city', plate: ['蒙', 'A'], areaCode: '150105', districts: ['赛罕区', '新城区', '回民区'] },
  { code: 'NN', name: '南宁', nameEn: 'Nanning', region: '华南', group: 'city', plate: ['桂', 'A'], areaCode: '450103', districts: ['青秀区', '兴宁区', '西乡塘区'] },
];

/** Trade names (made up) with their pinyin for the English name. */
const TRADES: ReadonlyArray<readonly [string, string]> = [
  ['瑞通', 'Ruitong'], ['宏宇', 'Hongyu'], ['嘉和', 'Jiahe'], ['明泰', 'Mingtai'], ['信达', 'Xinda'], ['恒远', 'Hengyuan'],
  ['华顺', 'Huashun'], ['鼎盛', 'Dingsheng'], ['润丰', 'Runfeng'], ['安捷', 'Anjie'], ['骏驰', 'Junchi'], ['星辉', 'Xinghui'],
  ['德远', 'Deyuan'], ['通宝', 'Tongbao'], ['金港', 'Jingang'], ['泰和', 'Taihe'], ['永昌', 'Yongchang'], ['盛世', 'Shengshi'],
  ['锦程', 'Jincheng'], ['东方', 'Dongfang'], ['海纳', 'Haina'], ['联众', 'Lianzhong'], ['博越', 'Boyue'], ['凯旋', 'Kaixuan'],
];

const STYLE_CYCLE: readonly StyleId[] = ['A', 'B', 'C', 'D', 'E'];

export function cityOf(dealer: DemoDealer): City {
  return CITIES.find((c) => c.name === dealer.city) as City;
}

/**
 * Dealer i (0-based) gets city i mod 18 and a trade name that never repeats within a city
 * (23 is coprime with 24), code = city code + 3-digit running number (SH001, BJ002, …).
 */
export function buildRoster(count: number, scale: boolean): DemoDealer[] {
  if (!Number.isInteger(count) || count < 1 || count > 999) throw new RangeError(`dealers must be 1..999, got ${count}`);
  const dealers: DemoDealer[] = [];
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % CITIES.length] as City;
    const k = Math.floor(i / CITIES.length);
    const [trade, tradeEn] = TRADES[(i + 23 * k) % TRADES.length] as readonly [string, string];
    dealers.push({
      code: `${city.code}${String(i + 1).padStart(3, '0')}`,
      name: `${city.name}${trade}汽车销售服务有限公司`,
      nameEn: `${city.nameEn} ${tradeEn} Auto Sales & Service Co., Ltd.`,
      region: city.region,
      group: city.group,
      city: city.name,
      style: scale ? 'plain' : (STYLE_CYCLE[i % STYLE_CYCLE.length] as StyleId),
    });
  }
  return dealers;
}
