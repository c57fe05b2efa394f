// Runs one command (registered the way program.ts registers it) in this process, until the lead
// wires `lac report` and `lac reclaim` into the command table.
import { Command, CommanderError } from 'commander';
import { ExitCode, UserError } from '../../src/cli/errors.ts';
import type { Io } from '../../src/cli/io.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(register: (program: Command, io: Io) => void, args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), env: options.env ?? {}, cwd: options.cwd ?? process.cwd(), isTTY: false };
  const program = new Command('lac').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  register(program, io);
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
