// Every FIXOPS_* environment variable in one table: its name, the Config field it fills, how its
// text is parsed, its default and what it means in zh and en. The README's configuration table
// is rendered from this table (see markdown.ts) and a test keeps the two equal.

import type { Message } from '@fixops/shared';
import { fraction, headerName, httpUrl, logLevel, memorySize, positiveInteger, positiveNumber, text, type LogLevel, type Parser } from './parsers.js';

/** The typed configuration; optional fields have no default (their users decide, see `defaultText`). */
export interface Config {
  db: string;
  duckdbMemory: string;
  loadMemory: string;
  loadThreads: number;
  maxUploadMb: number;
  maxUploadFiles: number;
  maxRows: number;
  maxColumns: number;
  maxFieldChars: number;
  maxRejectsStored: number;
  maxDropRate: number;
  logLevel?: LogLevel;
  apiUrl?: string;
  webProtocolHeader: string;
  webHostHeader: string;
  templatesDir?: string;
  comparisonsDir: string;
  /** The KPI files (unset: data/kpis of the repository). */
  kpisDir?: string;
  /** Who the audit log names for command-line writes (unset: the login name). */
  cliUser?: string;
  chromium: string;
  eldFile?: string;
  rssFile?: string;
  testDbCache?: string;
}

export interface Variable<K extends keyof Config = keyof Config> {
  name: `FIXOPS_${string}`;
  key: K;
  parse: Parser<NonNullable<Config[K]>>;
  /** The value used when the variable is unset or empty; undefined when the reader decides. */
  default: Config[K] | undefined;
  /** The default as the README shows it. */
  defaultText: string;
  meaning: Message;
}

/** One row of the table: name, Config field, parser, default (undefined: the reader decides), the default as
 *  the README shows it, and the meaning in zh and en. */
function v<const N extends `FIXOPS_${string}`, K extends keyof Config>(
  name: N, key: K, parse: Parser<NonNullable<Config[K]>>, dflt: Config[K] | undefined, defaultText: string, zh: string, en: string,
): Variable<K> & { name: N } {
  return { name, key, parse, default: dflt, defaultText, meaning: { zh, en } };
}

export const VARIABLES = [
  // name, field, parser, default, default as the README shows it, zh, en
  v('FIXOPS_DB', 'db', text, 'data/fixops.duckdb', '`data/fixops.duckdb`', '数据库文件（相对于当前目录）；`--db` 优先', 'the database file (relative to the working directory); `--db` wins'),
  v('FIXOPS_DUCKDB_MEMORY', 'duckdbMemory', memorySize, '512MB', '`512MB`', 'DuckDB 的内存预算（命令行与服务器的读取）', "DuckDB's memory budget (the CLI, the server's reads)"),
  v('FIXOPS_LOAD_MEMORY', 'loadMemory', memorySize, '64MB', '`64MB`', '服务器中一次导入的 DuckDB 内存预算，让读取保持快速', "DuckDB's memory budget for one load in the server, so reads stay fast"),
  v('FIXOPS_LOAD_THREADS', 'loadThreads', positiveInteger, 1, '`1`', '服务器中一次导入使用的 DuckDB 线程数', 'DuckDB threads for one load in the server'),
  v('FIXOPS_MAX_UPLOAD_MB', 'maxUploadMb', positiveNumber, 200, '`200`', '上传文件的大小上限（MB，每个文件；命令行导入同样适用）', 'size limit per uploaded file, in MB (the CLI ingest applies it too)'),
  v('FIXOPS_MAX_UPLOAD_FILES', 'maxUploadFiles', positiveInteger, 50, '`50`', '一次上传请求最多包含的文件数', 'files per upload request'),
  v('FIXOPS_MAX_ROWS', 'maxRows', positiveInteger, 2_000_000, '`2000000`', '每个文件最多的数据行数（超过则整个文件不导入）', 'data rows per file (a longer file is refused whole)'),
  v('FIXOPS_MAX_COLUMNS', 'maxColumns', positiveInteger, 200, '`200`', '每个文件表头最多的列数', "columns in one file's header"),
  v('FIXOPS_MAX_FIELD_CHARS', 'maxFieldChars', positiveInteger, 4096, '`4096`', '每个单元格最多的字符数', 'characters in one cell'),
  v('FIXOPS_MAX_REJECTS_STORED', 'maxRejectsStored', positiveInteger, 10_000, '`10000`', '每次导入最多保存的被拒行（总数仍会统计）', 'rejected rows stored per load (the total is still counted)'),
  v('FIXOPS_MAX_DROP_RATE', 'maxDropRate', fraction, 0.3, '`0.3`', '导入会使已存月份的行数减少此比例或更多时暂缓，需确认（`--confirm`、`confirm=true`）', 'a load that would remove this share or more of a stored month is held until confirmed (`--confirm`, `confirm=true`)'),
  v('FIXOPS_LOG_LEVEL', 'logLevel', logLevel, undefined, '`warn` (start), `info` (serve)', '服务器日志级别：fatal、error、warn、info、debug、trace、silent', 'server log level: fatal, error, warn, info, debug, trace, silent'),
  v('FIXOPS_API_URL', 'apiUrl', httpUrl, undefined, '(in-process API)', '看板单独运行（vite dev）时 API 的地址', 'where the dashboard finds the API when it runs on its own (vite dev)'),
  v('FIXOPS_WEB_PROTOCOL_HEADER', 'webProtocolHeader', headerName, 'x-forwarded-proto', '`x-forwarded-proto`', '看板从哪个请求头读取协议（http/https）', 'the request header the dashboard reads the protocol (http/https) from'),
  v('FIXOPS_WEB_HOST_HEADER', 'webHostHeader', headerName, 'host', '`host`', '看板从哪个请求头读取主机名', 'the request header the dashboard reads the host name from'),
  v('FIXOPS_TEMPLATES_DIR', 'templatesDir', text, undefined, '`packages/checklist/templates`', '评估模板目录（含 coaching-rules.yaml），取代随包提供的模板', 'a folder of checklist templates (with coaching-rules.yaml) used instead of the shipped ones'),
  v('FIXOPS_COMPARISONS_DIR', 'comparisonsDir', text, 'data/comparisons', '`data/comparisons`', '`fixops compare 名称` 查找对标文件的目录（相对于当前目录）', 'where `fixops compare NAME` looks for comparison files (relative to the working directory)'),
  v('FIXOPS_KPIS_DIR', 'kpisDir', text, undefined, '`data/kpis`', 'KPI 定义文件目录（*.yaml，JSON Schema 为 kpi.schema.json），取代随产品提供的 KPI；在启动和 `fixops recompute` 时读取', 'a folder of KPI definition files (*.yaml, JSON Schema kpi.schema.json) used instead of the shipped ones; read at start and by `fixops recompute`'),
  v('FIXOPS_USER', 'cliUser', text, undefined, '(the login name)', '审计日志中记录的命令行操作者（默认为系统登录名）', 'who the audit log names for command-line writes (default: the login name)'),
  v('FIXOPS_CHROMIUM', 'chromium', text, '/usr/bin/chromium', '`/usr/bin/chromium`', '浏览器测试和基准使用的 Chromium', 'the Chromium that browser tests and benchmarks drive'),
  v('FIXOPS_ELD_FILE', 'eldFile', text, undefined, '(unset)', '仅供基准内部使用：事件循环延迟写入的文件', 'benchmarks only: where the server writes its event-loop delay'),
  v('FIXOPS_TEST_DB_CACHE', 'testDbCache', text, undefined, '(unset)', '仅供测试内部使用：一次测试运行共用的演示数据库所在目录', 'tests only: the folder where one test run keeps its shared demo databases'),
  v('FIXOPS_RSS_FILE', 'rssFile', text, undefined, '(unset)', '仅供基准内部使用：峰值内存写入的文件', 'benchmarks only: where a measured process writes its peak memory'),
] as const satisfies readonly Variable[];

export type VariableName = (typeof VARIABLES)[number]['name'];
