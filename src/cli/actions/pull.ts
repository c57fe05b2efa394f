import { resolveToday } from '../../check/run.ts';
import { createGitHubPort, GitHubConfigError, GitHubError } from '../../github/index.ts';
import { loadInventory } from '../../inventory/load.ts';
import type { Rec } from '../../inventory/model.ts';
import type { License } from '../../inventory/schema/index.ts';
import { fsSource } from '../../inventory/source.ts';
import { createValidators } from '../../inventory/validate.ts';
import { publishSnapshots } from '../../usage/publish.ts';
import { pullLicense, type PullOutcome } from '../../usage/pull.ts';
import { registry } from '../../usage/registry.ts';
import type { Connector } from '../../usage/types.ts';
import { isTimeZone } from '../../util/dates.ts';
import { suggestion } from '../../util/suggest.ts';
import { ExitCode, UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { PullOpts } from '../pull.ts';

/** Which licenses to pull: the named ones (each must have a usage source) or, with --all, every one that has one. */
export function selectLicenses(licenses: Map<string, Rec<License>>, ids: string[], all: boolean, connectors: ReadonlyMap<string, Connector>): { license: Rec<License>; connector: Connector }[] {
  if (ids.length === 0 && !all) throw new UserError('name the licenses to pull, or pass --all', 'e.g. lac pull github-copilot figma');
  const chosen = all ? [...licenses.values()] : ids.map((id) => {
    const rec = licenses.get(id);
    if (!rec) throw new UserError(`no license "${id}"${suggestion(id, licenses.keys())}`, 'license IDs are the file names in inventory/licenses/');
    return rec;
  });
  const out: { license: Rec<License>; connector: Connector }[] = [];
  for (const rec of chosen.sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    const source = rec.data.usage?.source;
    if (!source || source === 'none') {
      if (!all) throw new UserError(`license "${rec.data.id}" has no usage source`, 'add `usage: { source: ... }` to its license file (see README: usage sources)');
      continue;
    }
    const connector = connectors.get(source);
    if (!connector) throw new UserError(`license "${rec.data.id}": usage source "${source}" is not available in this version`, `available: ${[...connectors.keys()].sort().join(', ')}`);
    out.push({ license: rec, connector });
  }
  return out;
}

function outcomeLine(o: PullOutcome, dryRun: boolean): string {
  if (!o.ok) return `${o.license}: failed: ${o.error}${o.hint ? `\n    hint: ${o.hint}` : ''}\n    ${o.path} is unchanged`;
  const what = !o.changed ? 'unchanged' : dryRun ? `would write ${o.path}` : `wrote ${o.path}`;
  const unmatched = o.unmatched.length ? `; unmatched: ${o.unmatched.slice(0, 10).join(', ')}${o.unmatched.length > 10 ? `, and ${o.unmatched.length - 10} more` : ''}` : '';
  const warnings = o.warnings.map((w) => `\n    warning: ${w}`).join('');
  const credential = o.credential ? `; token from ${o.credential}` : '';
  return `${o.license}: ${o.accounts} accounts, ${o.matched} matched, ${o.unmatched.length} unmatched: ${what}${credential}${unmatched}${warnings}`;
}

/** The command as run, for the usage pull request body: `lac pull --all`, or the licenses named. */
export function pullCommand(ids: string[], opts: PullOpts): string {
  return ['lac pull', ...(opts.all ? ['--all'] : ids), ...(opts.since ? [`--since ${opts.since}`] : []), '--publish'].join(' ');
}

/** `lac pull`: each chosen license's usage read from its source into its snapshot; with --publish, proposed or pushed. */
export async function runPull(ids: string[], opts: PullOpts, io: Io, connectors: ReadonlyMap<string, Connector> = registry): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  const since = parseToday(opts.since);
  const { inventory } = await loadInventory(fsSource(root));
  const targets = selectLicenses(inventory.licenses, ids, Boolean(opts.all), connectors);
  const today = resolveToday(inventory, parseToday(opts.today));
  const zone = inventory.org?.data.timezone;
  const timeZone = zone && isTimeZone(zone) ? zone : undefined;
  const validators = createValidators();
  let failed = 0;
  const outcomes: PullOutcome[] = [];
  for (const { license, connector } of targets) {
    const outcome = await pullLicense(license, connector, {
      root,
      people: [...inventory.people.values()].map((p) => p.data),
      env: io.env,
      fetch: globalThis.fetch,
      today,
      ...(timeZone ? { timeZone } : {}),
      now: new Date(),
      ...(since ? { since } : {}),
      dryRun: Boolean(opts.dryRun),
      validators,
      // On a terminal, a running count redrawn in place; in CI, only the final line per license.
      progress: io.isTTY
        ? (id, n) => {
            io.control?.('\r');
            io.err(`${id}: ${n} accounts read`);
          }
        : undefined,
    });
    if (io.isTTY) io.control?.('\r\x1b[K');
    outcomes.push(outcome);
    if (!outcome.ok) failed++;
    (outcome.ok ? io.out : io.err)(`${outcomeLine(outcome, Boolean(opts.dryRun))}\n`);
  }
  if (targets.length === 0) io.out('no license has a usage source\n');
  if (opts.publish && !opts.dryRun) {
    const mode = inventory.org?.data.github?.usage_updates ?? 'pull-request';
    try {
      const published = await publishSnapshots(root, outcomes, { mode, today, command: pullCommand(ids, opts), port: () => createGitHubPort({ env: io.env }), labels: inventory.org?.data.github?.labels ?? [] });
      io.out(published ? `published (${published.mode}): ${published.git.action}${published.pr ? `; pull request #${published.pr.number} ${published.pr.action}` : ''}\n` : 'nothing to publish\n');
    } catch (e) {
      if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
      if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (contents and pull-requests: write) and GITHUB_REPOSITORY');
      throw e;
    }
  }
  throw new ExitCode(failed > 0 ? 1 : 0);
}
