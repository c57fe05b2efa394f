import { check } from '../../check/run.ts';
import { formatFindings } from '../../findings/format.ts';
import { sourceAt } from '../at.ts';
import type { CheckOpts } from '../check.ts';
import { ExitCode } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseToday } from '../options.ts';

/** `lac check`: loads the inventory, runs the rules, prints the findings; exits by their severity. */
export async function runCheck(opts: CheckOpts, io: Io): Promise<void> {
  const { source, at } = await sourceAt(opts.root, opts.at, io.cwd);
  const result = await check(source, { today: parseToday(opts.today) ?? at?.day });
  io.out(formatFindings(result.findings, opts.format, result.today));
  // An entry that could not be read at all leaves the check incomplete: exit 2, not 1.
  throw new ExitCode(result.findings.some((f) => f.rule === 'unreadable-file') ? 2 : result.findings.some((f) => f.severity === 'error') ? 1 : 0);
}
