import { Command, CommanderError } from 'commander';
import { registerCheck } from './check.ts';
import { registerCodeowners } from './codeowners.ts';
import { registerDiff } from './diff.ts';
import { registerEvidence } from './evidence.ts';
import { registerDiscover } from './discover.ts';
import { registerExport } from './export.ts';
import { registerHistory } from './history.ts';
import { WriteError } from '../util/fs/atomic-write.ts';
import { ReadRefused } from '../util/fs/read-bounded.ts';
import { ExitCode, UserError } from './errors.ts';
import { registerImport } from './import.ts';
import { registerInit } from './init.ts';
import { isMachineFormat, terminalIo, type Io } from './io.ts';
import { registerPeople } from './people.ts';
import { registerForecast } from './forecast.ts';
import { registerPosition } from './position.ts';
import { registerProvision } from './provision.ts';
import { registerPull } from './pull.ts';
import { registerReclaim } from './reclaim.ts';
import { registerRenewals } from './renewals.ts';
import { registerRequest } from './request.ts';
import { registerReport } from './report.ts';
import { registerRules } from './rules.ts';
import { registerSite } from './site.ts';
import { redactorFor } from '../secrets/redact.ts';
import { versionText } from './version.ts';

/** The command table: each command's file registers its options and help; its implementation (src/cli/actions/) is imported when it runs, so start-up loads none (issue 16). */
export function buildProgram(io: Io): Command {
  const program = new Command('lac')
    .description('licenses as code: check, report and automate software licenses kept as YAML in git')
    // The commit is looked up only when asked for: no git process at every start.
    .option('-V, --version', 'print the version (and the commit, when run from a checkout of lac)')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run `lac --help` for usage)');
  registerCheck(program, io);
  registerPull(program, io);
  registerReport(program, io);
  registerRenewals(program, io);
  registerPosition(program, io);
  registerExport(program, io);
  registerEvidence(program, io);
  registerForecast(program, io);
  registerReclaim(program, io);
  registerRules(program, io);
  registerDiff(program, io);
  registerHistory(program, io);
  registerSite(program, io);
  registerInit(program, io);
  registerCodeowners(program, io);
  registerPeople(program, io);
  registerProvision(program, io);
  registerRequest(program, io);
  registerDiscover(program, io);
  registerImport(program, io);
  program.on('option:version', () => {
    io.out(`${versionText()}\n`);
    throw new ExitCode(0);
  });
  return program;
}

/**
 * LAC_TODAY sets the default of --today for every command that has it: a whole scheduled job,
 * a demo or a test then runs as of one day without repeating the option.
 */
export function withTodayFromEnv(program: Command, argv: string[], env: Io['env']): string[] {
  const today = env.LAC_TODAY;
  if (!today || argv.some((a) => a === '--today' || a.startsWith('--today='))) return argv;
  const command = program.commands.find((c) => c.name() === argv[0]);
  return command?.options.some((o) => o.long === '--today') ? [...argv, '--today', today] : argv;
}

/** The same Io whose stdout and stderr hide every secret set in its environment (issue 12). */
export function redactedIo(io: Io): Io {
  const redact = redactorFor(io.env);
  return { ...io, out: (t) => io.out(redact(t)), err: (t) => io.err(redact(t)) };
}

/** Runs the CLI with the given arguments; returns the exit code. Never throws. */
export async function run(argv: string[], raw: Io): Promise<number> {
  const format = { machine: false };
  // Data is made safe for the terminal first, then every secret is hidden from what is printed.
  const io = terminalIo(redactedIo(raw), () => format.machine);
  const program = buildProgram(io);
  program.hook('preAction', (_program, action) => {
    format.machine = isMachineFormat(action.opts().format);
  });
  try {
    await program.parseAsync(withTodayFromEnv(program, argv, io.env), { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // A disk-full or permission error: plain words, the file named and said to be unchanged.
    if (e instanceof UserError || e instanceof WriteError) {
      io.err(`lac: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      return 2;
    }
    if (e instanceof ReadRefused) {
      io.err(`lac: ${e.path}: ${e.message}\n  hint: ${e.hint}\n`);
      return 2;
    }
    const debug = argv.includes('--debug');
    io.err(`lac: internal error: ${(e as Error).message ?? String(e)}\n${debug ? `${(e as Error).stack}\n` : '  (run with --debug for details; please report it)\n'}`);
    return 2;
  }
}
