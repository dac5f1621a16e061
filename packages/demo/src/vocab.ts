// The raw words DMSs use for repair types, booking statuses, channels and insurers, in Chinese and English.
import type { Lang } from '@fixops/shared';
import type { Rng } from './prng.js';

export type { Lang };

export type RepairType = 'maintenance' | 'general' | 'accident' | 'warranty' | 'recall' | 'rework' | 'internal' | 'unclassified';
export type BookingStatus = 'arrived' | 'no_show' | 'cancelled' | 'pending';

export const REPAIR_TYPES: readonly RepairType[] = ['maintenance', 'general', 'accident', 'warranty', 'recall', 'rework', 'internal', 'unclassified'];

const REPAIR_LABELS: Record<Lang, Record<RepairType, readonly string[]>> = {
  zh: {
    maintenance: ['保养', '定保', '首保', '定期保养', '常规保养'],
    general: ['一般维修', '机修', '机电维修', '普通维修'],
    accident: ['钣喷', '事故车', '事故维修', '钣金喷漆', '钣金', '喷漆'],
    warranty: ['索赔', '保修', '三包'],
    recall: ['召回'],
    rework: ['返修', '返工'],
    internal: ['PDI', '内部结算', '新车整备', '内部'],
    // anything the contract does not know, or empty: unclassified
    unclassified: ['', '其他', '洗车', '美容装潢', '待定', '外出救援'],
  },
  en: {
    maintenance: ['maintenance', 'Service', 'MAINTENANCE'],
    general: ['general', 'repair', 'Mechanical'],
    accident: ['accident', 'collision', 'Body'],
    warranty: ['warranty', 'claim', 'Warranty'],
    recall: ['recall', 'Recall'],
    rework: ['rework', 'comeback'],
    internal: ['internal', 'PDI'],
    unclassified: ['', 'other', 'misc', 'N/A', 'wash'],
  },
};

const STATUS_LABELS: Record<Lang, Record<BookingStatus, readonly string[]>> = {
  zh: {
    arrived: ['已到店', '已进厂', '已完成', '到店'],
    no_show: ['爽约', '未到店', '未到'],
    cancelled: ['已取消', '取消'],
    pending: ['待到店', '已预约', '待确认'],
  },
  en: {
    arrived: ['arrived', 'completed', 'show'],
    no_show: ['no_show', 'no-show', 'missed'],
    cancelled: ['cancelled', 'canceled'],
    pending: ['pending', 'booked'],
  },
};

/** Not in the contract's list: a row carrying it is rejected. */
export const BAD_STATUS: Record<Lang, string> = { zh: '改期', en: 'rescheduled' };

export const CHANNELS: Record<Lang, readonly string[]> = {
  zh: ['电话', '微信', 'APP', '小程序', '到店'],
  en: ['phone', 'wechat', 'app', 'mini-program', 'walk-in'],
};
export const CHANNEL_WEIGHTS = [0.35, 0.3, 0.15, 0.12, 0.08];

export const INSURERS: Record<Lang, readonly string[]> = {
  zh: ['中国人保', '平安产险', '太平洋保险', '国寿财险', '大地保险', '阳光保险'],
  en: ['PICC', 'Ping An', 'CPIC', 'China Life P&C', 'CCIC', 'Sunshine'],
};
export const INSURER_WEIGHTS = [0.3, 0.28, 0.18, 0.1, 0.08, 0.06];

interface Choice {
  labels: string[];
  weights: number[];
}

/** The words one dealer's DMS uses: each dealer favours one label per type, with occasional alternatives. */
export interface Vocab {
  lang: Lang;
  repair: Record<RepairType, Choice>;
  status: Record<BookingStatus, Choice>;
}

/** Labels a DMS uses only now and then, never as its everyday word (首保 = first free service). */
const OCCASIONAL = new Set(['首保', 'MAINTENANCE']);

function choose(rng: Rng, all: readonly string[], plain: boolean): Choice {
  if (plain) return { labels: [all[0] as string], weights: [1] };
  const shuffled = rng.shuffle([...all]);
  const main = shuffled.findIndex((l) => !OCCASIONAL.has(l));
  if (main > 0) shuffled.unshift(...shuffled.splice(main, 1));
  const n = Math.min(all.length, rng.int(1, 3));
  const weights = [0.78, 0.17, 0.05].slice(0, n);
  return { labels: shuffled.slice(0, n), weights };
}

export function dealerVocab(rng: Rng, lang: Lang, plain: boolean): Vocab {
  const repair = {} as Record<RepairType, Choice>;
  for (const t of REPAIR_TYPES) {
    repair[t] =
      t === 'unclassified'
        ? plain
          ? { labels: [lang === 'zh' ? '其他' : 'other'], weights: [1] }
          : { labels: [...REPAIR_LABELS[lang][t]], weights: REPAIR_LABELS[lang][t].map((_, i) => (i === 0 ? 3 : 1)) }
        : choose(rng, REPAIR_LABELS[lang][t], plain);
  }
  const status = {} as Record<BookingStatus, Choice>;
  for (const s of ['arrived', 'no_show', 'cancelled', 'pending'] as const) status[s] = choose(rng, STATUS_LABELS[lang][s], plain);
  return { lang, repair, status };
}

export function say(rng: Rng, choice: Choice): string {
  return choice.labels.length === 1 ? (choice.labels[0] as string) : (choice.labels[rng.weightedIndex(choice.weights)] as string);
}
