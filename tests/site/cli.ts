// Runs `lac site ...` in this process: the command is registered on a bare program here, since the
// lead wires it into src/cli/program.ts (same error handling as run()).
import { Command, CommanderError } from 'commander';
import { ExitCode, UserError } from '../../src/cli/errors.ts';
import { registerSite } from '../../src/cli/site.ts';
import type { CliResult } from '../support/cli.ts';

export async function lacSite(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), env: options.env ?? {}, cwd: options.cwd, isTTY: false };
  const program = new Command('lac').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerSite(program, io);
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof ExitCode) code = e.code;
    else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof UserError) {
      stderr += `lac: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`;
      code = 2;
    } else throw e;
  }
  return { code, stdout, stderr };
}
