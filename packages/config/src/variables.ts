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
  chromium: string;
  eldFile?: string;
  rssFile?: string;
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

const v = <K extends keyof Config>(x: Variable<K>): Variable<K> => x;

export const VARIABLES = [
  v({
    name: 'FIXOPS_DB', key: 'db', parse: text, default: 'data/fixops.duckdb', defaultText: '`data/fixops.duckdb`',
    meaning: { zh: '数据库文件（相对于当前目录）；`--db` 优先', en: 'the database file (relative to the working directory); `--db` wins' },
  }),
  v({
    name: 'FIXOPS_DUCKDB_MEMORY', key: 'duckdbMemory', parse: memorySize, default: '512MB', defaultText: '`512MB`',
    meaning: { zh: 'DuckDB 的内存预算（命令行与服务器的读取）', en: "DuckDB's memory budget (the CLI, the server's reads)" },
  }),
  v({
    name: 'FIXOPS_LOAD_MEMORY', key: 'loadMemory', parse: memorySize, default: '64MB', defaultText: '`64MB`',
    meaning: { zh: '服务器中一次导入的 DuckDB 内存预算，让读取保持快速', en: "DuckDB's memory budget for one load in the server, so reads stay fast" },
  }),
  v({
    name: 'FIXOPS_LOAD_THREADS', key: 'loadThreads', parse: positiveInteger, default: 1, defaultText: '`1`',
    meaning: { zh: '服务器中一次导入使用的 DuckDB 线程数', en: 'DuckDB threads for one load in the server' },
  }),
  v({
    name: 'FIXOPS_MAX_UPLOAD_MB', key: 'maxUploadMb', parse: positiveNumber, default: 200, defaultText: '`200`',
    meaning: { zh: '上传文件的大小上限（MB，每个文件；命令行导入同样适用）', en: 'size limit per uploaded file, in MB (the CLI ingest applies it too)' },
  }),
  v({
    name: 'FIXOPS_MAX_UPLOAD_FILES', key: 'maxUploadFiles', parse: positiveInteger, default: 50, defaultText: '`50`',
    meaning: { zh: '一次上传请求最多包含的文件数', en: 'files per upload request' },
  }),
  v({
    name: 'FIXOPS_MAX_ROWS', key: 'maxRows', parse: positiveInteger, default: 2_000_000, defaultText: '`2000000`',
    meaning: { zh: '每个文件最多的数据行数（超过则整个文件不导入）', en: 'data rows per file (a longer file is refused whole)' },
  }),
  v({
    name: 'FIXOPS_MAX_COLUMNS', key: 'maxColumns', parse: positiveInteger, default: 200, defaultText: '`200`',
    meaning: { zh: '每个文件表头最多的列数', en: "columns in one file's header" },
  }),
  v({
    name: 'FIXOPS_MAX_FIELD_CHARS', key: 'maxFieldChars', parse: positiveInteger, default: 4096, defaultText: '`4096`',
    meaning: { zh: '每个单元格最多的字符数', en: 'characters in one cell' },
  }),
  v({
    name: 'FIXOPS_MAX_REJECTS_STORED', key: 'maxRejectsStored', parse: positiveInteger, default: 10_000, defaultText: '`10000`',
    meaning: { zh: '每次导入最多保存的被拒行（总数仍会统计）', en: 'rejected rows stored per load (the total is still counted)' },
  }),
  v({
    name: 'FIXOPS_MAX_DROP_RATE', key: 'maxDropRate', parse: fraction, default: 0.3, defaultText: '`0.3`',
    meaning: {
      zh: '导入会使已存月份的行数减少此比例或更多时暂缓，需确认（`--confirm`、`confirm=true`）',
      en: 'a load that would remove this share or more of a stored month is held until confirmed (`--confirm`, `confirm=true`)',
    },
  }),
  v({
    name: 'FIXOPS_LOG_LEVEL', key: 'logLevel', parse: logLevel, default: undefined, defaultText: '`warn` (start), `info` (serve)',
    meaning: { zh: '服务器日志级别：fatal、error、warn、info、debug、trace、silent', en: 'server log level: fatal, error, warn, info, debug, trace, silent' },
  }),
  v({
    name: 'FIXOPS_API_URL', key: 'apiUrl', parse: httpUrl, default: undefined, defaultText: '(in-process API)',
    meaning: { zh: '看板单独运行（vite dev）时 API 的地址', en: 'where the dashboard finds the API when it runs on its own (vite dev)' },
  }),
  v({
    name: 'FIXOPS_WEB_PROTOCOL_HEADER', key: 'webProtocolHeader', parse: headerName, default: 'x-forwarded-proto', defaultText: '`x-forwarded-proto`',
    meaning: { zh: '看板从哪个请求头读取协议（http/https）', en: 'the request header the dashboard reads the protocol (http/https) from' },
  }),
  v({
    name: 'FIXOPS_WEB_HOST_HEADER', key: 'webHostHeader', parse: headerName, default: 'host', defaultText: '`host`',
    meaning: { zh: '看板从哪个请求头读取主机名', en: 'the request header the dashboard reads the host name from' },
  }),
  v({
    name: 'FIXOPS_TEMPLATES_DIR', key: 'templatesDir', parse: text, default: undefined, defaultText: '`packages/checklist/templates`',
    meaning: { zh: '评估模板目录（含 coaching-rules.yaml），取代随包提供的模板', en: 'a folder of checklist templates (with coaching-rules.yaml) used instead of the shipped ones' },
  }),
  v({
    name: 'FIXOPS_COMPARISONS_DIR', key: 'comparisonsDir', parse: text, default: 'data/comparisons', defaultText: '`data/comparisons`',
    meaning: { zh: '`fixops compare 名称` 查找对标文件的目录（相对于当前目录）', en: 'where `fixops compare NAME` looks for comparison files (relative to the working directory)' },
  }),
  v({
    name: 'FIXOPS_CHROMIUM', key: 'chromium', parse: text, default: '/usr/bin/chromium', defaultText: '`/usr/bin/chromium`',
    meaning: { zh: '浏览器测试和基准使用的 Chromium', en: 'the Chromium that browser tests and benchmarks drive' },
  }),
  v({
    name: 'FIXOPS_ELD_FILE', key: 'eldFile', parse: text, default: undefined, defaultText: '(unset)',
    meaning: { zh: '仅供基准内部使用：事件循环延迟写入的文件', en: 'benchmarks only: where the server writes its event-loop delay' },
  }),
  v({
    name: 'FIXOPS_RSS_FILE', key: 'rssFile', parse: text, default: undefined, defaultText: '(unset)',
    meaning: { zh: '仅供基准内部使用：峰值内存写入的文件', en: 'benchmarks only: where a measured process writes its peak memory' },
  }),
] as const satisfies readonly Variable[];

export type VariableName = (typeof VARIABLES)[number]['name'];
