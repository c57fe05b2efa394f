import { Option, type Command } from 'commander';
import { resolveToday } from '../check/run.ts';
import { renewalPolicy } from '../analysis/policy.ts';
import { loadInventory } from '../inventory/load.ts';
import { fsSource } from '../inventory/source.ts';
import { formatIcs } from '../renewals/calendar.ts';
import { formatJson, formatMarkdown, formatText } from '../renewals/format.ts';
import { usageHistory } from '../renewals/history.ts';
import { defaultWithin, orgZone, planRenewals, withinWindow } from '../renewals/plan.ts';
import { addDays } from '../util/dates.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

export const RENEWAL_FORMATS = ['text', 'json', 'md', 'ics'] as const;
type RenewalFormat = (typeof RENEWAL_FORMATS)[number];

interface RenewalsOpts {
  root?: string;
  within?: string;
  format: RenewalFormat;
  today?: string;
}

/** --within: a whole number of days. */
export function parseWithin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw new UserError(`--within ${value} is not a number of days`, 'e.g. --within 90');
  return Number(value);
}

export function registerRenewals(program: Command, io: Io): void {
  program
    .command('renewals')
    .description('list contract renewals by cancel-by date, with recommended quantities; optionally as a calendar')
    .option('--within <days>', 'only renewals whose cancel-by date is at most this many days away (default: the largest reminder or decision window of org.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(RENEWAL_FORMATS).default('text'))
    .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD; default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .action(async (opts: RenewalsOpts) => {
      const root = parseRoot(opts.root ?? io.cwd);
      const within = parseWithin(opts.within);
      const { inventory } = await loadInventory(fsSource(root));
      const today = resolveToday(inventory, parseToday(opts.today));
      const window = within ?? defaultWithin(inventory);
      const history = await usageHistory(root, addDays(today, -renewalPolicy(inventory.org?.data).usage_window_days), orgZone(inventory));
      const renewals = withinWindow(planRenewals(inventory, today, { history }), today, window);
      const header = { today, within: window };
      if (opts.format === 'ics') {
        io.out(formatIcs(renewals, { orgName: inventory.org?.data.name, timeZone: orgZone(inventory) }));
      } else {
        io.out({ text: formatText, json: formatJson, md: formatMarkdown }[opts.format](renewals, header));
      }
    });
}
