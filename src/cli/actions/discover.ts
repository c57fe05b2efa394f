import { undeclaredApps } from '../../analysis/discovery/undeclared.ts';
import { applyDiscoveryIssues, planDiscoveryIssues } from '../../discover/issues.ts';
import { publishDiscovery } from '../../discover/publish.ts';
import { discoveryRegistry } from '../../discover/registry.ts';
import { runDiscovery } from '../../discover/run.ts';
import type { DiscoverySourceImpl } from '../../discover/types.ts';
import { createGitHubPort, GitHubConfigError, GitHubError, type GitHubPort } from '../../github/index.ts';
import type { DiscoverOpts } from '../discover.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

/** GitHub failures become user errors that say what to check; nothing of the request is printed. */
async function onGitHub<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (issues: write) and GITHUB_REPOSITORY');
    throw e;
  }
}

/** `lac discover`: reads the discovery sources, writes their snapshots, publishes them and keeps an issue per undeclared app. */
export async function runDiscover(
  opts: DiscoverOpts,
  io: Io,
  sources: ReadonlyMap<string, DiscoverySourceImpl> = discoveryRegistry(),
  makePort: () => GitHubPort = () => createGitHubPort({ env: io.env }),
): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  const today = parseToday(opts.today);
  const run = await runDiscovery({ root, ...(today ? { today } : {}), dryRun: opts.dryRun === true, env: io.env, fetch: globalThis.fetch, sources, ...(opts.source !== undefined ? { only: opts.source } : {}) });
  const { outcomes, inventory } = run;
  // Like `lac people pull` without a directory: the scheduled workflow passes in repositories that configure no source.
  if (!inventory.org?.data.discovery) {
    io.out('nothing to discover: inventory/org.yaml has no `discovery` block; add `discovery: { sources: [{ id: okta, source: okta, config: { base_url: https://example.okta.com } }] }` to start (README: `lac discover`)\n');
    return;
  }
  for (const o of outcomes) {
    const verb = !o.changed ? 'unchanged' : opts.dryRun ? 'would write' : 'wrote';
    const outside = o.outsideWorkDomains ? `; ${o.outsideWorkDomains} grant${o.outsideWorkDomains === 1 ? '' : 's'} by accounts outside the work domains (counted, not listed)` : '';
    io.out(`${o.path}: ${verb} (${o.apps} app${o.apps === 1 ? '' : 's'}${outside})\n`);
    for (const w of o.warnings) io.err(`warning: ${w}\n`);
  }
  const port = (() => {
    let made: GitHubPort | undefined;
    return () => (made ??= makePort());
  })();
  if (opts.publish && !opts.dryRun) {
    const published = await onGitHub(() => publishDiscovery(root, outcomes, run.today, port, inventory.org?.data.github?.labels ?? []));
    io.out(`published: ${published.git.action}${published.pr ? `; pull request #${published.pr.number} ${published.pr.action}` : ''}\n`);
  }
  const undeclared = undeclaredApps(inventory);
  io.out(undeclared.length === 0 ? 'no undeclared apps\n' : `${undeclared.length} undeclared app${undeclared.length === 1 ? '' : 's'} (see \`lac check\`, rule undeclared-app)\n`);
  if (!opts.openIssues) return;
  await onGitHub(async () => {
    const plan = planDiscoveryIssues(inventory, await port().listIssuesByLabel(port().botLabel, 'open'), inventory.org?.data.github?.labels ?? []);
    if (opts.dryRun) {
      for (const s of plan.ensure) io.out(`would ensure issue ${s.key}: ${s.title}\n`);
      for (const c of plan.close) io.out(`would close issue #${c.number} ${c.key}: ${c.why}\n`);
      return;
    }
    for (const o of await applyDiscoveryIssues(port(), plan)) io.out(`issue #${o.number} ${o.key}: ${o.action}\n`);
  });
}
