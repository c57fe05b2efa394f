import { resolve } from 'node:path';
import { monthsOf } from '../../analysis/period/charges.ts';
import type { Period } from '../../analysis/period/range.ts';
import { resolveToday } from '../../check/run.ts';
import { formatFocus, type FocusFormat } from '../../export/focus/format.ts';
import { focusParquet } from '../../export/focus/parquet.ts';
import { focusExport } from '../../export/focus/run.ts';
import { addDays, addMonths } from '../../util/dates.ts';
import { writeFileAtomic } from '../../util/fs/atomic-write.ts';
import { sourceAt } from '../at.ts';
import type { FocusOpts } from '../export.ts';
import type { Io } from '../io.ts';
import { parseToday } from '../options.ts';
import { periodOf } from './report.ts';

/** The last whole calendar month before `today`. */
const lastMonth = (today: string): Period => monthsOf({ label: '', from: addMonths(`${today.slice(0, 7)}-01`, -1), to: addDays(`${today.slice(0, 7)}-01`, -1) })[0]!;

/** `lac export focus`: the FOCUS rows of the period, to standard output or a file. */
export async function runFocusExport(opts: FocusOpts, io: Io): Promise<void> {
  const today = parseToday(opts.today ?? io.env.LAC_TODAY);
  const { source, root, at } = await sourceAt(opts.root, opts.at, io.cwd);
  const result = await focusExport(source, root, (inv) => periodOf(opts, inv.org?.data.fiscal_year_start) ?? lastMonth(resolveToday(inv, today ?? at?.day)), at?.commit);
  const format = opts.format as FocusFormat;
  const text = format === 'parquet' ? focusParquet(result.rows) : formatFocus(result.rows, format);
  for (const p of result.problems) io.err(`lac: warning: ${p.license}: ${p.message}\n`);
  if (opts.out === undefined) io.out(text as string);
  else {
    await writeFileAtomic(resolve(io.cwd, opts.out), text, { shown: opts.out });
    io.err(`lac: wrote ${result.rows.length} FOCUS rows for ${result.period.label} (${result.period.from} to ${result.period.to}) to ${opts.out}\n`);
  }
}
