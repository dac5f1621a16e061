// Every string the dashboard shows, Chinese first with English. `translator(lang)` gives a
// `t(key, params)` for one language; `pick(lang, {zh, en})` picks from an inline pair (for
// text that lives next to its page). The choice is remembered in the `fixops_lang` cookie.
// Picking and Accept-Language parsing are @fixops/shared's, the same the API uses.

import { fill, isLang, LANGS, pick, preferredLang, type Lang, type Params } from '@fixops/shared';

export { isLang, LANGS, pick, type Lang, type Params };
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
  'dealer.month': { zh: '月份', en: 'Month' },
  'dealer.go': { zh: '查看', en: 'Show' },
  'dealer.kpis': { zh: '关键指标', en: 'Key KPIs' },
  'dealer.mom': { zh: '环比', en: 'MoM' },
  'dealer.trends': { zh: '近 12 个月趋势（含同组 P25–P75 区间与目标线）', en: '12-month trends (peer P25–P75 band, target line)' },
  'dealer.mix': { zh: '工单结构（按维修类型）', en: 'RO mix by repair type' },
  'dealer.mixType': { zh: '维修类型', en: 'Repair type' },
  'dealer.mixCount': { zh: '台次', en: 'ROs' },
  'dealer.advisors': { zh: '服务顾问', en: 'Service advisors' },
  'dealer.advisor': { zh: '顾问', en: 'Advisor' },
  'dealer.noAdvisor': { zh: '（未登记）', en: '(not recorded)' },
  'dealer.flags': { zh: '问题提示', en: 'Flags' },
  'dealer.flagsMonth': { zh: '{month}：{n} 条', en: '{month}: {n}' },
  'dealer.flagsEarlier': { zh: '更早的提示（{n} 条）', en: 'Earlier flags ({n})' },
  'dealer.noFlags': { zh: '本月没有问题提示', en: 'No flags this month' },
  'dealer.checklist': { zh: '现场评估得分（得分曲线图）', en: 'Checklist scores by module' },
  'dealer.checklistVisit': { zh: '{date} 评估：{total}/{max} 分（{rate}）· {result}', en: 'Visit {date}: {total}/{max} ({rate}) · {result}' },
  'dealer.noChecklist': { zh: '还没有现场评估。请在“现场评估”录入评估表得分。', en: 'No on-site assessment yet. Enter the checklist scores on the Assessment page.' },
  'dealer.passLine': { zh: '合格线 {rate}', en: 'Pass line {rate}' },
  'dealer.module': { zh: '模块', en: 'Module' },
  'dealer.rate': { zh: '得分率', en: 'Score rate' },
  'dealer.report': { zh: '打印版评估报告', en: 'Printable report' },
  'dealer.assess': { zh: '录入现场评估', en: 'Enter an assessment' },
  'dealer.noData': { zh: '{month} 没有这家经销商的数据。请上传该月的工单（repair_orders）导出文件。', en: 'No data for this dealer in {month}. Upload the month\'s repair-order (repair_orders) export.' },
  'dealer.badMonth': { zh: '月份“{month}”无效，请用 YYYY-MM', en: 'Invalid month "{month}": use YYYY-MM' },
  'dealer.peerGroup': { zh: '同组：{group}（{n} 家）', en: 'Peer group: {group} ({n} dealers)' },
  'kind.target': { zh: '目标', en: 'Target' },
  'kind.trend': { zh: '趋势', en: 'Trend' },
  'kind.peer': { zh: '同组', en: 'Peer' },
  'kind.not_tracked': { zh: '未统计', en: 'Not tracked' },
  'repair.maintenance': { zh: '保养', en: 'Maintenance' },
  'repair.general': { zh: '一般维修', en: 'General repair' },
  'repair.accident': { zh: '事故车', en: 'Accident' },
  'repair.warranty': { zh: '索赔', en: 'Warranty' },
  'repair.recall': { zh: '召回', en: 'Recall' },
  'repair.rework': { zh: '返修', en: 'Rework' },
  'repair.internal': { zh: '内部', en: 'Internal' },
  'repair.unclassified': { zh: '未分类', en: 'Unclassified' },
  'empty.noDealers': { zh: '还没有经销商数据。请在“数据导入”上传 DMS 导出的工单（repair_orders）文件。', en: 'No dealer data yet. Upload a DMS repair-order (repair_orders) export on the Uploads page.' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

/** The text of a key in a language, with `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(MESSAGES[key][lang], params);
}

/** `t` bound to one language. */
export function translator(lang: Lang): (key: MessageKey, params?: Params) => string {
  return (key, params) => t(lang, key, params);
}

/** The remembered choice, else the browser's preference, else Chinese. */
export function chooseLang(cookie: string | undefined | null, acceptLanguage: string | null): Lang {
  return isLang(cookie) ? cookie : preferredLang(acceptLanguage);
}

/** The HTML lang attribute for a language. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
