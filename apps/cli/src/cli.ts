// The `fixops` command: dispatches to a command, maps outcomes to exit codes
// (0 ok, 1 refused/failed, 2 usage), and never shows a stack trace. When a running server
// holds the database, the command goes to it over the local socket (remote/) instead.

import { bilingual, toFixopsError } from '@fixops/shared';
import { UsageError } from './args.js';
type Command = (argv: string[]) => Promise<number>;

// Loaded on demand, so `fixops --help` and usage errors answer at once.
const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import('./commands/ingest.js')).ingestCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  loads: async () => (await import('./commands/loads.js')).loadsCommand,
  rejects: async () => (await import('./commands/rejects.js')).rejectsCommand,
  kpis: async () => (await import('./commands/kpis.js')).kpisCommand,
  flags: async () => (await import('./commands/flags.js')).flagsCommand,
  benchmark: async () => (await import('./commands/benchmark.js')).benchmarkCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  breakdown: async () => (await import('./commands/breakdown.js')).breakdownCommand,
  rows: async () => (await import('./commands/rows.js')).rowsCommand,
  settings: async () => (await import('./commands/settings.js')).settingsCommand,
  recompute: async () => (await import('./commands/recompute.js')).recomputeCommand,
  assess: async () => (await import('./commands/assess.js')).assessCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  assessments: async () => (await import('./commands/assessments.js')).assessmentsCommand,
  actions: async () => (await import('./commands/actions.js')).actionsCommand,
  export: async () => (await import('./commands/parquet.js')).exportCommand,
  import: async () => (await import('./commands/parquet.js')).importCommand,
  templates: async () => (await import('./commands/templates.js')).templatesCommand,
  template: async () => (await import('./commands/templates.js')).templateCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
  users: async () => (await import('./commands/users.js')).usersCommand,
  tokens: async () => (await import('./commands/tokens.js')).tokensCommand,
  coverage: async () => (await import('./commands/coverage.js')).coverageCommand,
  audit: async () => (await import('./commands/audit.js')).auditCommand,
  backup: async () => (await import('./commands/backup.js')).backupCommand,
  staff: async () => (await import('./commands/staff.js')).staffCommand,
  suppliers: async () => (await import('./commands/suppliers.js')).suppliersCommand,
  dealers: async () => (await import('./commands/dealers.js')).dealersCommand,
};

/** Commands that never open the database: they always run here. */
const WITHOUT_DATABASE = new Set(['templates', 'template']);
/** Commands that need the database file to themselves: refused while a server holds it. */
const FILE_ALONE = new Set(['import', 'start', 'serve']);

const HELP = `fixops — 售后评估平台 after-sales assessment

用法 Usage:
  fixops start   [--db FILE] [--port 3000] [--host 127.0.0.1]   启动系统（API + 网页界面）/ start the product: API and dashboard on one port
  fixops demo    [--db FILE]                                  生成并导入演示经销商网络 / generate and load the demo network
  fixops ingest  [--db FILE] [--dealer CODE] [--kind KIND] [--confirm] [--json] FILE...   导入 DMS 导出文件 / load DMS exports
  fixops loads   [--dealer CODE] [--kind K] [--status S] [--month M] [--user U] [--limit N] [--offset N|--page N] [--json | --format xlsx --out FILE] · fixops loads undo ID   导入记录、撤销导入 / the load log, undo a load
  fixops coverage [--from M --to M] [--dealer CODE] [--json | --format xlsx --out FILE]   数据上报情况（缺失、逾期）/ who has sent what: missing, overdue
  fixops audit   [--since DATE] [--user U] [--action A] [--limit N] [--offset N|--page N] [--json]   审计日志 / the audit log
  fixops rejects --load ID [--csv | --format csv|xlsx] [--out FILE] [--db FILE]                被拒的行 / rejected rows of a load
  fixops kpis    [--dealer CODE] [--month M | --from M --to M] [--json | --format xlsx --out FILE]   KPI 数值 / KPI values
  fixops flags   [--dealer CODE] [--month M] [--kind KIND] [--kpi ID] [--json | --format xlsx --out FILE]   问题提示 / flags
  fixops benchmark --month M --kpi ID [--group NAME] [--format table|csv|json|md|xlsx] [--out FILE]   同组对标 / peer benchmark
  fixops compare FILE [--month M] [--format table|md|csv|json|html|xlsx] [--out FILE]   多店对标评分卡 / dealer comparison scorecard
  fixops breakdown --dealer CODE --month M [--by repair_type|advisor] [--json]   工单结构、顾问 / RO mix, advisors
  fixops rows    --dealer CODE --month M --kpi ID [--only all|numerator|not_numerator] [--limit N --offset N] [--json|--csv|--format xlsx --out FILE]   指标明细行 / the rows behind a KPI value
  fixops settings [set KEY VALUE | reset KEY] [--json]       阈值与目标 / thresholds and targets
  fixops dealers [--region R] [--group G] [--json] · fixops dealers set CODE [--name N] [--region R] [--city C] [--peer-group G]   经销商主数据 / dealers master data
  fixops recompute [--from-rows]                             全部重算 / recompute every KPI and flag
  fixops assess --dealer CODE --date YYYY-MM-DD [--month M] [--template ID] [--assessor NAME] --scores FILE [--finish] [--json]   现场评估 / on-site assessment
  fixops assess --visit ID [--scores FILE] [--finish]        继续草稿、完成评估 / continue or finish a draft
  fixops assessments --dealer CODE [--json]                  评估历史 / visits and module history
  fixops actions [--dealer CODE] [--json] · fixops actions add --dealer CODE (--kpi ID | --module ID) --title T --owner O --due YYYY-MM-DD · fixops actions set ID --status done|verified [--note N]   整改计划及效果 / action plans and their effect
  fixops report --dealer CODE --month M [--format html|md] [--lang zh|en] [--out FILE]   评估报告 / assessment report
  fixops staff [--dealer CODE] [--json] · staff show|add|score --dealer CODE --name NAME …   人员考核 / staff scorecards
  fixops suppliers [--json] · suppliers add --name N --class C · suppliers show|rate ID …   供应商评级 / supplier ratings
  fixops templates [--json] · fixops template validate FILE  评估表 / checklist templates
  fixops export --parquet DIR · fixops import --parquet DIR  Parquet（按经销商、月份分区）/ Parquet by dealer and month
  fixops serve [--db FILE] [--port 3000] [--host 127.0.0.1]   HTTP API / start the HTTP API
  fixops users [list] [--json] · fixops users add NAME --role admin|consultant|dealer [--dealer CODE]   API 用户 / API users
  fixops users disable NAME · fixops users enable NAME       停用/启用用户 / disable or enable a user
  fixops tokens create NAME [--expires 90d]                   API 令牌（只显示一次）/ API token, shown once
  fixops tokens list [--user NAME] [--json] · fixops tokens revoke ID   令牌列表、吊销 / list, revoke tokens
  fixops backup FILE [--db FILE] [--force]                   一致的数据库备份（服务运行中也可）/ consistent copy, also while serving
  (M = YYYY-MM; --lang en for English; --format xlsx needs --out FILE.xlsx; a CSV written with --out starts with a BOM)

数据库 Database: --db FILE, or FIXOPS_DB, default data/fixops.duckdb
服务运行中 While fixops start/serve holds it, commands go to the server (socket FILE.sock)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) return runCommand(argv);
  if (!WITHOUT_DATABASE.has(command)) {
    const { dbPathOf } = await import('./remote/protocol.js');
    const { connectToServer, runRemote } = await import('./remote/client.js');
    const dbPath = dbPathOf(rest);
    const socket = await connectToServer(dbPath);
    if (socket) {
      if (FILE_ALONE.has(command)) {
        socket.destroy();
        process.stderr.write(`fixops ${command}: 数据库正由运行中的 Fixops 服务器使用：${dbPath}。此命令需要独占数据库文件，请先停止服务器（Ctrl-C）。\n`
          + `The database is held by a running Fixops server: ${dbPath}. This command needs the file to itself: stop the server first (Ctrl-C).\n`);
        return 1;
      }
      return runRemote(socket, argv, dbPath);
    }
  }
  return runCommand(argv);
}

/** Runs a command here, in this process (the CLI on an idle file, or the server for a remote command). */
export async function runCommand(argv: string[]): Promise<number> {
  const [command = '', ...rest] = argv;
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    process.stderr.write(`fixops: unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; fixops --help)\n`);
    return 2;
  }
  if (FILE_ALONE.has(command) && (await import('./remote/scope.js')).currentScope()) {
    process.stderr.write(`fixops ${command}: 此命令需要独占数据库文件，请先停止服务器。/ This command needs the database file to itself: stop the server first.\n`);
    return 1;
  }
  try {
    const run = await load();
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    const error = toFixopsError(e);
    process.stderr.write(`fixops ${command}: ${bilingual(error.message)}\n`);
    return 1;
  }
}


