import { resolveToday } from '../../check/run.ts';
import { changeText, joinerText, leaverText, ofKind } from '../../directory/describe.ts';
import { PeopleEditError } from '../../directory/edit.ts';
import { DirectoryShrank } from '../../directory/plan.ts';
import { publishPeople } from '../../directory/publish.ts';
import { pullPeople, PEOPLE_PATH, type PeoplePullResult } from '../../directory/pull.ts';
import { directoryRegistry } from '../../directory/registry.ts';
import type { DirectorySourceImpl } from '../../directory/types.ts';
import { createGitHubPort, GitHubConfigError, GitHubError } from '../../github/index.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { dueNow } from '../../provision/apply.ts';
import { actionText } from '../../provision/describe.ts';
import { provision } from '../../provision/run.ts';
import { ConnectorError } from '../../usage/types.ts';
import { ExitCode, UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { PeoplePullOpts } from '../people.ts';

/** The printed summary of a pull: one block per kind of change. */
export function pullSummary(r: PeoplePullResult, dryRun: boolean): string {
  const { plan } = r;
  const block = (title: string, lines: string[]) => (lines.length ? [`${title} (${lines.length}):`, ...lines.map((l) => `  ${l}`)] : []);
  const what = r.text === undefined ? `${PEOPLE_PATH} unchanged` : dryRun ? `would write ${PEOPLE_PATH}` : `wrote ${PEOPLE_PATH}`;
  return [
    `${r.source}: ${r.entries} directory entries; ${what}`,
    ...block('joiners', plan.joiners.map((p) => `+ ${p.id}: ${[p.name, joinerText(p)].filter(Boolean).join(', ')}`)),
    ...block('movers', ofKind(plan, 'mover').map((c) => `~ ${c.id}: ${changeText(c)}`)),
    ...block('leavers', ofKind(plan, 'leaver', 'leaving').map((c) => `- ${c.id}: ${leaverText(c)}`)),
    ...block('other updates', ofKind(plan, 'returner', 'update').map((c) => `~ ${c.id}: ${changeText(c)}`)),
    ...block('not in the directory, left alone', plan.unknown),
    ...block('conflicts, not applied', plan.conflicts),
    ...r.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

/** The seat changes due by today that the new people.yaml and the access policies call for, so one pull request carries both. */
async function followingSeats(root: string, today: string): Promise<{ files: Map<string, string>; lines: string[] }> {
  const { inventory } = await loadInventory(fsSource(root));
  if (inventory.policies.size === 0) return { files: new Map(), lines: [] };
  const result = await provision(inventory, root, today, true);
  return { files: result.texts, lines: dueNow(result.plan.actions, today).map(actionText) };
}

/** `lac people pull`: joiners, movers and leavers from the directory source applied to people.yaml; with --open-pr, proposed. */
export async function runPeoplePull(opts: PeoplePullOpts, io: Io, sources: ReadonlyMap<string, DirectorySourceImpl> = directoryRegistry): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  const { inventory } = await loadInventory(fsSource(root));
  const today = resolveToday(inventory, parseToday(opts.today));
  const dryRun = Boolean(opts.dryRun);
  // Like `lac pull --all` with no usage source: the scheduled workflow passes in repositories that keep people by hand.
  if (!inventory.org?.data.directory) {
    io.out('nothing to pull: inventory/org.yaml has no `directory` block (see README: `lac people`)\n');
    return;
  }
  let result: PeoplePullResult;
  try {
    result = await pullPeople(inventory, { root, env: io.env, fetch: globalThis.fetch, today, dryRun, sources });
  } catch (e) {
    if (e instanceof ConnectorError || e instanceof DirectoryShrank || e instanceof PeopleEditError) {
      io.err(`lac people pull: ${e.message}\n${e instanceof ConnectorError && e.hint ? `  hint: ${e.hint}\n` : ''}  ${PEOPLE_PATH} is unchanged\n`);
      throw new ExitCode(1);
    }
    throw e;
  }
  io.out(`${pullSummary(result, dryRun)}\n`);
  if (opts.openPr && !dryRun) {
    try {
      const seats = await followingSeats(root, today);
      const published = await publishPeople(root, result.text, result.plan, { source: result.source, today, port: () => createGitHubPort({ env: io.env }), labels: inventory.org?.data.github?.labels ?? [], seats });
      io.out(`branch lac/people: ${published.git.action}${published.pr ? `; pull request #${published.pr.number} ${published.pr.action}` : ''}\n`);
    } catch (e) {
      if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
      if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (contents and pull-requests: write) and GITHUB_REPOSITORY');
      throw e;
    }
  }
}
