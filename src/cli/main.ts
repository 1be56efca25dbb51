import { Command, CommanderError, Option } from 'commander';
import { configFrom, type GlobalOptions } from './context';
import { EXIT_FAILURE, reportError } from './output';
import { referenceDir } from './paths';

const program = new Command()
  .name('ramstein')
  .description('Ramstein: the coordination platform of a multinational defence contact group.')
  .version('0.1.0')
  .addOption(
    new Option(
      '--database <url>',
      'database to use (overrides DATABASE_URL): postgres://... or a SQLite file path',
    ),
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

// Commands load their modules on use, so `--help` answers without loading the server.
const database = () => import('./commands/database');
const server = () => import('./commands/serve');
const accounts = () => import('./commands/accounts');
const audit = () => import('./commands/audit');
const backup = () => import('./commands/backup');
const imports = () => import('./commands/import');
const ledgerImports = () => import('./commands/import-ledger');
const spendingImports = () => import('./commands/import-spending');
const bench = () => import('./commands/bench');
const exporters = () => import('./commands/export');

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const port = new Option('-p, --port <port>', 'port to listen on (overrides PORT)');
const host = new Option('--host <host>', 'interface to listen on (overrides HOST)');

program
  .command('start')
  .description(
    'migrate, load reference data, build the web app if needed, and serve (what `npm start` runs)',
  )
  .addOption(port)
  .addOption(host)
  .action(async (options: { port?: string; host?: string }) => {
    const config = configFrom(globals(), { PORT: options.port, HOST: options.host });
    const { runMigrateUp, runSeed } = await database();
    const { ensureWebBuilt, serve } = await server();
    await runMigrateUp(config);
    await runSeed(config);
    await (await accounts()).runEnsureFirstAdmin(config);
    await ensureWebBuilt(config);
    await serve(config);
  });

program
  .command('serve')
  .description('serve the API and the web app (the database must be migrated)')
  .addOption(port)
  .addOption(host)
  .action(async (options: { port?: string; host?: string }) => {
    const config = configFrom(globals(), { PORT: options.port, HOST: options.host });
    await (await server()).serve(config);
  });

const migrate = program
  .command('migrate')
  .description('manage the database schema')
  .action(() => {
    migrate.help({ error: true });
  });
migrate
  .command('up')
  .description('apply every pending migration')
  .action(async () => (await database()).runMigrateUp(configFrom(globals())));
migrate
  .command('status')
  .description('list migrations and whether each is applied')
  .action(async () => (await database()).runMigrateStatus(configFrom(globals())));

program
  .command('seed')
  .description(
    'load the reference data (nations, the UDCG, its meetings, chair history and events); idempotent',
  )
  .option('--dir <path>', 'folder holding the reference CSV files', referenceDir)
  .action(async (options: { dir: string }) =>
    (await database()).runSeed(configFrom(globals()), options.dir),
  );

const importCommand = program
  .command('import')
  .description('import data files')
  .action(() => {
    importCommand.help({ error: true });
  });
importCommand
  .command('rates <file>')
  .description(
    "import ECB euro reference rates (the ECB's eurofxref-hist.csv layout); all or nothing, idempotent",
  )
  .option('--dry-run', 'check the file and report what would change, writing nothing')
  .option(
    '--replace',
    'overwrite stored rates that differ from the file (default: refuse the import)',
  )
  .action(async (file: string, options: { dryRun?: boolean; replace?: boolean }) =>
    (await imports()).runImportRates(configFrom(globals()), file, options),
  );
importCommand
  .command('spending <file>')
  .description(
    "import one of NATO's defence-expenditure tables (nations as rows, years as columns; CSV or XLSX) as figures of one release; all or nothing, idempotent",
  )
  .requiredOption(
    '--release <name>',
    'the release, named with its date first: "2025-08 (Defence Expenditure of NATO Countries 2014-2025)"',
  )
  .option(
    '--measure <measure>',
    "pct-gdp, usd-million, national-million or gdp-usd-billion (default: read from the table's title, else pct-gdp)",
  )
  .option(
    '--sheet <name>',
    'the worksheet of an XLSX file (default: the only one, or the first whose title names the measure)',
  )
  .option('--source-url <url>', 'where the table was published')
  .option('--source-title <title>', 'the source as figures cite it (default: the release and file)')
  .option('--confidence <level>', 'high, medium or uncertain (default: high)')
  .option('--dry-run', 'check the file and report what would change, writing nothing')
  .action(
    async (
      file: string,
      options: {
        release: string;
        measure?: string;
        sheet?: string;
        sourceUrl?: string;
        sourceTitle?: string;
        confidence?: string;
        dryRun?: boolean;
      },
    ) => (await spendingImports()).runImportSpending(configFrom(globals()), file, options),
  );

for (const [kind, what] of [
  ['requirements', "the recipient's requirements (as a user with the recipient role)"],
  ['pledges', "pledges (a coordinator: its nation's; the chair secretariat: any donor's)"],
  ['deliveries', 'deliveries against pledges, by the pledge_external_id column'],
] as const) {
  importCommand
    .command(`${kind} <file>`)
    .description(
      `import ${what} from CSV or XLSX (docs/ledger-import.md); all or nothing, idempotent`,
    )
    .requiredOption('--group <slug>', 'the contact group, e.g. udcg')
    .requiredOption('--as <username>', 'the user whose rights the import runs with')
    .option('--dry-run', 'check every row and report, writing nothing')
    .option('--mapping <mapping>', 'standard (the default) or kiel (Kiel Support Tracker items)')
    .option('--sheet <name>', 'XLSX: the sheet to read (the first by default)')
    .action(
      async (
        file: string,
        options: { group: string; as: string; dryRun?: boolean; mapping?: string; sheet?: string },
      ) => (await ledgerImports()).runImportLedger(configFrom(globals()), kind, file, options),
    );
}

const exportCommand = program
  .command('export')
  .description('export data files')
  .action(() => {
    exportCommand.help({ error: true });
  });
exportCommand
  .command('iati')
  .description(
    "the group's PUBLIC pledges as an IATI 2.03 activity file (docs/iati.md), to stdout or --out",
  )
  .requiredOption('--group <slug>', 'the contact group, e.g. udcg')
  .option('--out <file>', 'write to this file (replaced whole) instead of standard output')
  .option('--donor <code>', 'only this donor nation (ISO 3166-1 alpha-3)')
  .option('--area <slug>', 'only this capability area, e.g. air-defence')
  .option('--status <status>', 'only pledges with this status, e.g. delivered')
  .action(
    async (options: {
      group: string;
      out?: string;
      donor?: string;
      area?: string;
      status?: string;
    }) => (await exporters()).runExportIati(configFrom(globals()), options),
  );

const user = program
  .command('user')
  .description('manage accounts')
  .action(() => {
    user.help({ error: true });
  });
const collect = (value: string, previous: string[]) => [...previous, value];
user
  .command('add <username>')
  .description('create an account; prints a random password once unless --password-stdin')
  .requiredOption('--nation <code>', "ISO 3166-1 alpha-3 code of the user's nation, e.g. GBR")
  .requiredOption(
    '--role <role>',
    'admin, secretariat, coordinator, recipient or viewer (repeatable)',
    collect,
    [],
  )
  .option('--name <display name>', 'the name shown in the app')
  .option('--email <address>', 'e-mail address')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    async (
      username: string,
      options: {
        nation: string;
        role: string[];
        name?: string;
        email?: string;
        passwordStdin?: boolean;
      },
    ) => (await accounts()).runUserAdd(configFrom(globals()), username, options),
  );
user
  .command('passwd <username>')
  .description(
    "set a user's password (random, printed once, unless --password-stdin); ends its sessions",
  )
  .option('--password-stdin', 'read the password from standard input')
  .action(async (username: string, options: { passwordStdin?: boolean }) =>
    (await accounts()).runUserPasswd(configFrom(globals()), username, options),
  );
user
  .command('disable <username>')
  .description('disable an account: its sessions end and its tokens stop working')
  .action(async (username: string) =>
    (await accounts()).runUserDisable(configFrom(globals()), username, true),
  );
user
  .command('enable <username>')
  .description('enable a disabled account (and clear a lockout)')
  .action(async (username: string) =>
    (await accounts()).runUserDisable(configFrom(globals()), username, false),
  );
user
  .command('list')
  .description('list accounts')
  .action(async () => (await accounts()).runUserList(configFrom(globals())));

const auditCommand = program
  .command('audit')
  .description('the tamper-evident audit trail')
  .action(() => {
    auditCommand.help({ error: true });
  });
auditCommand
  .command('verify')
  .description('check the hash chain; names the first broken entry and exits 1 if there is one')
  .action(async () => (await audit()).runAuditVerify(configFrom(globals())));

const benchCommand = program
  .command('bench')
  .description('benchmark data')
  .action(() => {
    benchCommand.help({ error: true });
  });
benchCommand
  .command('generate')
  .description(
    'migrate, seed, and fill an empty ledger with deterministic bench data (bench/README.md)',
  )
  .requiredOption('--scale <scale>', 'xs (200 pledges), m (100 000) or l (1 000 000)')
  .action(async (options: { scale: string }) =>
    (await bench()).runBenchGenerate(configFrom(globals()), options),
  );

program
  .command('backup <file>')
  .description(
    'write a consistent copy of the database to a new file (SQLite: VACUUM INTO; PostgreSQL: pg_dump)',
  )
  .action(async (file: string) => (await backup()).runBackup(configFrom(globals()), file));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  reportError(error);
  process.exit(EXIT_FAILURE);
}
