import type { Command } from 'commander';
import { history } from '../history/history.ts';
import { attachApprovals } from '../history/approvals.ts';
import { gitText } from '../history/git.ts';
import { repoWebUrl } from '../site/model/repo.ts';
import { offboarding } from '../analysis/offboarding/index.ts';
import { resolveToday } from '../check/run.ts';
import { formatHistory, HISTORY_FORMATS, type HistoryFormat } from '../history/format.ts';
import { loadInventory } from '../inventory/load.ts';
import { fsSource } from '../inventory/source.ts';
import { personOffboarding, personOffboardingText } from '../report/offboarding-person.ts';
import { ID_PATTERN } from '../inventory/schema/index.ts';
import { isIsoDate } from '../util/dates.ts';
import { asUserError, orgTimeZone } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

interface HistoryOpts {
  root?: string;
  since?: string;
  until?: string;
  license?: string;
  person?: string;
  format: string;
  order: string;
  ref?: string;
  cache: boolean;
  api: boolean;
  maxRequests: string;
  today?: string;
}

const ID = new RegExp(ID_PATTERN);

function date(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UserError(`--${name} ${value} is not a calendar date`, `write it as YYYY-MM-DD, e.g. --${name} 2026-01-31`);
  return value;
}

function id(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !ID.test(value)) throw new UserError(`--${name} "${value}" is not an ID`, `pass the ${name} ID as written in the inventory, e.g. --${name} figma`);
  return value;
}

export function registerHistory(program: Command, io: Io): void {
  program
    .command('history')
    .description('what changed in the inventory, commit by commit: seats, people, contracts, licenses, vendors, usage snapshots')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--since <date>', 'only changes committed on or after this day (YYYY-MM-DD, org time zone)')
    .option('--until <date>', 'only changes committed on or before this day (YYYY-MM-DD, org time zone)')
    .option('--license <id>', 'only changes about this license')
    .option('--person <id>', 'only changes about this person')
    .option('--format <format>', `output format: ${HISTORY_FORMATS.join(', ')}`, 'text')
    .option('--order <order>', 'newest (default) or oldest first', 'newest')
    .option('--ref <revision>', 'the branch whose first-parent history is read (default: the current branch)')
    .option('--no-cache', 'do not read or write the parse cache under .git/lac-cache/')
    .option('--no-api', 'do not ask GitHub who reviewed and approved each change (cached answers are still shown)')
    .option('--max-requests <n>', 'at most this many GitHub API requests for approvals and signatures (default 2000)', '2000')
    .option('--today <date>', 'with --person: the day the offboarding block is as of (default: today in the org time zone)')
    .action(async (opts: HistoryOpts) => {
      if (!(HISTORY_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${HISTORY_FORMATS.join(', ')}`, 'e.g. --format csv');
      if (opts.order !== 'newest' && opts.order !== 'oldest') throw new UserError(`--order ${opts.order} is not newest or oldest`, 'e.g. --order oldest');
      const since = date('since', opts.since);
      const until = date('until', opts.until);
      if (since && until && since > until) throw new UserError(`--since ${since} is after --until ${until}`, 'swap the two dates');
      const license = id('license', opts.license);
      const person = id('person', opts.person);
      const root = parseRoot(opts.root, io.cwd);
      const today = parseToday(opts.today);
      const maxRequests = Number(opts.maxRequests);
      if (!Number.isSafeInteger(maxRequests) || maxRequests < 0) throw new UserError(`--max-requests ${opts.maxRequests} is not a whole number`, 'e.g. --max-requests 500');
      try {
        const timeZone = await orgTimeZone(root);
        const base = { person, timeZone, diskCache: opts.cache, ...(opts.ref ? { ref: opts.ref } : {}) };
        const { events, commits } = await history(root, { ...base, since, until, license, order: opts.order });
        const origin = await gitText(root, ['remote', 'get-url', 'origin']).catch(() => '');
        await attachApprovals(root, events, commits, { env: io.env, repoUrl: repoWebUrl(io.env, origin), api: opts.api, maxRequests, diskCache: opts.cache, warn: (m) => io.err(`${m}\n`) });
        if (person === undefined) {
          io.out(formatHistory(events, opts.format as HistoryFormat));
          return;
        }
        // The evidence needs the person's whole history, whatever --since, --until or --license keep.
        const all = since || until || license ? (await history(root, { ...base, kinds: ['people', 'assignments'] })).events : events;
        const { inventory } = await loadInventory(fsSource(root));
        const mine = personOffboarding(offboarding(inventory, all, resolveToday(inventory, today), timeZone), person);
        if (opts.format === 'json') io.out(`${JSON.stringify({ events, offboarding: mine ?? null }, null, 2)}\n`);
        else io.out(formatHistory(events, opts.format as HistoryFormat) + (mine && opts.format === 'text' ? personOffboardingText(mine) : ''));
      } catch (e) {
        throw asUserError(e);
      }
    });
}
