// Every string the dashboard shows, Chinese first with English. `translator(lang)` gives a
// `t(key, params)` for one language; `pick(lang, {zh, en})` picks from an inline pair (for
// text that lives next to its page). The choice is remembered in the `fixops_lang` cookie.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const LANG_COOKIE = 'fixops_lang';

export interface Text {
  zh: string;
  en: string;
}

export const MESSAGES = {
  'app.name': { zh: 'Fixops 售后评估', en: 'Fixops After-sales' },
  'app.tagline': { zh: '经销商售后网络评估平台', en: 'After-sales assessment for dealer networks' },
  'nav.overview': { zh: '网络总览', en: 'Network' },
  'nav.benchmark': { zh: '同组对标', en: 'Benchmark' },
  'nav.uploads': { zh: '数据导入', en: 'Uploads' },
  'nav.assess': { zh: '现场评估', en: 'Assessment' },
  'nav.report': { zh: '评估报告', en: 'Report' },
  'nav.logout': { zh: '退出', en: 'Log out' },
  'nav.language': { zh: 'English', en: '中文' },
  'nav.languageLabel': { zh: '切换到英文', en: 'Switch to Chinese' },
  'role.admin': { zh: '管理员', en: 'Admin' },
  'role.consultant': { zh: '顾问', en: 'Consultant' },
  'role.dealer': { zh: '经销商', en: 'Dealer' },
  'login.title': { zh: '登录', en: 'Log in' },
  'login.token': { zh: '访问令牌', en: 'Access token' },
  'login.tokenHint': { zh: '令牌由管理员创建：pnpm -s fixops tokens create 用户名', en: 'An admin creates tokens: pnpm -s fixops tokens create NAME' },
  'login.submit': { zh: '登录', en: 'Log in' },
  'login.missing': { zh: '请输入令牌', en: 'Enter a token' },
  'login.failed': { zh: '令牌无效或已被撤销', en: 'The token is not valid or was revoked' },
  'login.tooMany': { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts, try again later' },
  'error.title': { zh: '出错了', en: 'Something went wrong' },
  'error.forbidden': { zh: '无权访问', en: 'No access' },
  'error.forbiddenText': { zh: '您的账号不能查看此页面。经销商账号只能查看本店数据。', en: 'Your account cannot see this page. A dealer account sees only its own dealer.' },
  'error.notFound': { zh: '未找到', en: 'Not found' },
  'error.back': { zh: '返回总览', en: 'Back to the overview' },
  'common.none': { zh: '—', en: '—' },
  'common.noData': { zh: '无数据', en: 'No data' },
  'common.month': { zh: '月份', en: 'Month' },
  'common.region': { zh: '区域', en: 'Region' },
  'common.group': { zh: '同组', en: 'Peer group' },
  'common.all': { zh: '全部', en: 'All' },
  'common.target': { zh: '目标', en: 'Target' },
  'common.peerMedian': { zh: '同组中位数', en: 'Peer median' },
  'common.peerBand': { zh: '同组 P25–P75', en: 'Peer P25–P75' },
  'common.value': { zh: '数值', en: 'Value' },
  'common.dealer': { zh: '经销商', en: 'Dealer' },
  'common.flags': { zh: '问题提示', en: 'Flags' },
  'common.pass': { zh: '合格', en: 'Pass' },
  'common.fail': { zh: '不合格', en: 'Fail' },
  'common.show': { zh: '查看', en: 'Show' },
  'rag.green': { zh: '达标', en: 'On target' },
  'rag.amber': { zh: '接近目标', en: 'Near target' },
  'rag.red': { zh: '未达标', en: 'Off target' },
  'null.notTracked': { zh: '未统计', en: 'not tracked' },
  'overview.title': { zh: '经销商网络总览', en: 'Dealer network' },
  'overview.summary': { zh: '{shown} / {total} 家经销商 · 各店最新月份', en: '{shown} of {total} dealers · each one\'s latest month' },
  'overview.search': { zh: '搜索代码或名称', en: 'Search code or name' },
  'overview.month': { zh: '月份', en: 'Month' },
  'overview.flags': { zh: '提示', en: 'Flags' },
  'overview.flagsTitle': { zh: '目标 {target} · 趋势 {trend} · 同组 {peer} · 未统计 {not_tracked}', en: 'target {target} · trend {trend} · peer {peer} · not tracked {not_tracked}' },
  'overview.checklist': { zh: '最近评估', en: 'Latest checklist' },
  'overview.noVisit': { zh: '未评估', en: 'not assessed' },
  'overview.trend': { zh: '近 12 个月进厂台次', en: 'Repair orders, 12 months' },
  'overview.sortBy': { zh: '按{column}排序', en: 'Sort by {column}' },
  'overview.noMatch': { zh: '没有符合筛选条件的经销商', en: 'No dealer matches the filters' },
  'overview.legend': { zh: '颜色：绿 达标 · 黄 差距在目标的 10% 以内 · 红 未达标', en: 'Colours: green on target · amber within 10% of the target · red off target' },
  'empty.noDealers': { zh: '还没有经销商数据。请在“数据导入”上传 DMS 导出的工单（repair_orders）文件。', en: 'No dealer data yet. Upload a DMS repair-order (repair_orders) export on the Uploads page.' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;
export type Params = Record<string, string | number>;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The text of a key in a language, with `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(MESSAGES[key][lang], params);
}

/** `t` bound to one language. */
export function translator(lang: Lang): (key: MessageKey, params?: Params) => string {
  return (key, params) => t(lang, key, params);
}

/** One side of an inline {zh, en} pair, placeholders filled. */
export function pick(lang: Lang, text: Text, params?: Params): string {
  return fill(text[lang], params);
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

/** The remembered choice, else the browser's preference, else Chinese. */
export function chooseLang(cookie: string | undefined | null, acceptLanguage: string | null): Lang {
  if (isLang(cookie)) return cookie;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    const lang: Lang | undefined = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}

/** The HTML lang attribute for a language. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
