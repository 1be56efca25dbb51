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
