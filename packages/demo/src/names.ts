// Made-up but plausible Chinese people, phones, addresses, plates and IDs for the personal-data columns.
import type { Rng } from './prng.js';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力海鹏飞宇浩然晨欣怡子涵博宁琳嘉俊凯峰斌志宏'];

export function personName(rng: Rng): string {
  const n = rng.chance(0.35) ? 1 : 2;
  let name = rng.pick(SURNAMES);
  for (let i = 0; i < n; i++) name += rng.pick(GIVEN);
  return name;
}

const PHONE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '176', '177', '180', '186', '187', '188', '189', '199'];

/** Mobile number; masked (138****1234) the way many DMS exports show it. */
export function phone(rng: Rng, masked: boolean): string {
  const prefix = rng.pick(PHONE_PREFIXES);
  const mid = String(rng.int(0, 9999)).padStart(4, '0');
  const tail = String(rng.int(0, 9999)).padStart(4, '0');
  return masked ? `${prefix}****${tail}` : `${prefix}${mid}${tail}`;
}

const ROADS = ['人民', '解放', '中山', '建设', '新华', '和平', '长江', '黄河', '学府', '光明', '振兴', '迎宾', '滨江', '科技', '文化'];

export function address(rng: Rng, city: string, districts: readonly string[]): string {
  return `${city}市${rng.pick(districts)}${rng.pick(ROADS)}路${rng.int(1, 999)}号${rng.int(1, 30)}${rng.pick(['01', '02', '03', '05'])}室`;
}

/** Masked resident ID number (区划码 kept, birth date and sequence starred). */
export function idCardMasked(rng: Rng, areaCode: string): string {
  return `${areaCode}********${String(rng.int(0, 999)).padStart(3, '0')}${rng.pick(['X', '1', '3', '5', '7', '0'])}`;
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function plate(rng: Rng, province: string, cityLetter: string): string {
  // new-energy plates carry a D/F and one character more
  let tail = rng.chance(0.12) ? rng.pick(['D', 'F']) : '';
  for (let i = 0; i < 5; i++) tail += rng.chance(0.25) ? PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)] : String(rng.int(0, 9));
  return `${province}${cityLetter}${tail}`;
}

/** A service advisor's name (2–3 characters). */
export function advisorNames(rng: Rng, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(personName(rng));
  return [...out];
}
