import { attachApprovals } from '../../history/approvals.ts';
import { formatHistory, formatHistoryChunks, HISTORY_FORMATS, type HistoryFormat } from '../../history/format.ts';
import { gitText } from '../../history/git.ts';
import { history } from '../../history/history.ts';
import { ID_PATTERN } from '../../inventory/schema/index.ts';
import { repoWebUrl } from '../../site/model/repo.ts';
import { isIsoDate } from '../../util/dates.ts';
import { asUserError, orgTimeZone } from '../at.ts';
import { UserError } from '../errors.ts';
import type { HistoryOpts } from '../history.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

const ID = new RegExp(ID_PATTERN);

function date(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UserError(`--${name} ${value} is not a calendar date`, `write it as YYYY-MM-DD, e.g. --${name} 2026-01-31`);
  return value;
}

function id(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !ID.test(value)) throw new UserError(`--${name} "${value}" is not an ID`, `pass the ${name} ID as written in the inventory, e.g. --${name} figma`);
  return value;
}

/** `lac history`: the change events of the first-parent history, filtered, with who approved them; with --person, the offboarding evidence. */
export async function runHistory(opts: HistoryOpts, io: Io): Promise<void> {
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
      for (const chunk of formatHistoryChunks(events, opts.format as HistoryFormat)) io.out(chunk);
      return;
    }
    // The evidence needs the person's whole history, whatever --since, --until or --license keep.
    const all = since || until || license ? (await history(root, { ...base, kinds: ['people', 'assignments'] })).events : events;
    // The evidence's modules (the inventory loader, the checks' today) load only when asked for: not at every history (issue 16).
    const [{ offboarding }, { resolveToday }, { loadInventory }, { fsSource }, { personOffboarding, personOffboardingText }] = await Promise.all([
      import('../../analysis/offboarding/index.ts'), import('../../check/run.ts'), import('../../inventory/load.ts'), import('../../inventory/source.ts'), import('../../report/offboarding-person.ts'),
    ]);
    const { inventory } = await loadInventory(fsSource(root));
    const mine = personOffboarding(offboarding(inventory, all, resolveToday(inventory, today), timeZone), person);
    if (opts.format === 'json') io.out(`${JSON.stringify({ events, offboarding: mine ?? null }, null, 2)}\n`);
    else io.out(formatHistory(events, opts.format as HistoryFormat) + (mine && opts.format === 'text' ? personOffboardingText(mine) : ''));
  } catch (e) {
    throw asUserError(e);
  }
}
