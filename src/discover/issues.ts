import { discoveredApps, type SeenAppRow } from '../analysis/discovery/undeclared.ts';
import type { CloseReason, GitHubPort, IssueSpec, IssueSummary, LabelSpec } from '../github/index.ts';
import type { Inventory } from '../inventory/model.ts';
import { mdCode, mdText, mdTitle } from '../util/escape/markdown.ts';
import { discoveryIssueBody } from './issue-body.ts';

/** The hidden key of the issue about one app of one source. */
export const discoveryKey = (source: string, app: string) => `discover/${source}/${app}`;
const KEY = /^discover\/([a-z0-9._-]+)\/([a-z0-9._-]+)$/;

export const UNDECLARED_LABEL: LabelSpec = { name: 'undeclared-app', color: 'd93f0b', description: 'Software in use that the inventory does not declare' };

export interface DiscoveryIssuePlan {
  ensure: IssueSpec[];
  close: { key: string; number: number; why: string; reason: CloseReason }[];
}

function closeReason(row: SeenAppRow | undefined): { why: string; reason: CloseReason } | undefined {
  if (!row) return { why: 'the app is no longer in the discovery snapshot.', reason: 'not_planned' };
  if (row.match) return { why: `declared: it matches ${row.match.license ? `license ${mdCode(row.match.license)}` : `vendor ${mdCode(row.match.vendor ?? '')}`} (by ${row.match.by}).`, reason: 'completed' };
  if (row.ignored !== undefined) return { why: `ignored in org.yaml: ${mdText(row.ignored)}`, reason: 'not_planned' };
  if (!row.significant) return { why: 'it no longer has enough users or recurring spend to report.', reason: 'not_planned' };
  return undefined;
}

/** The issues that should be open (one per undeclared app) and the bot's open ones to close. Pure. */
export function planDiscoveryIssues(inv: Inventory, open: readonly IssueSummary[], labels: readonly string[]): DiscoveryIssuePlan {
  const rows = new Map(discoveredApps(inv).map((r) => [discoveryKey(r.source, r.app.app), r]));
  const ensure: IssueSpec[] = [];
  for (const [key, row] of rows) {
    if (closeReason(row) !== undefined) continue;
    ensure.push({ key, title: mdTitle(`Undeclared app: ${row.app.name} (${row.source})`), body: discoveryIssueBody(row, inv), labels: [UNDECLARED_LABEL.name, ...labels] });
  }
  const close: DiscoveryIssuePlan['close'] = [];
  for (const issue of open) {
    if (!issue.key || !KEY.test(issue.key)) continue;
    const reason = closeReason(rows.get(issue.key));
    if (reason) close.push({ key: issue.key, number: issue.number, ...reason });
  }
  return { ensure, close };
}

export interface DiscoveryIssueOutcome {
  key: string;
  number: number;
  action: 'created' | 'updated' | 'unchanged' | 'closed' | 'skipped';
}

/** Makes the plan so: idempotent verbs, so a second run with nothing new writes nothing. */
export async function applyDiscoveryIssues(port: GitHubPort, plan: DiscoveryIssuePlan): Promise<DiscoveryIssueOutcome[]> {
  const out: DiscoveryIssueOutcome[] = [];
  if (plan.ensure.length > 0) await port.ensureLabels([UNDECLARED_LABEL]);
  for (const spec of plan.ensure) {
    const r = await port.ensureIssue(spec);
    out.push({ key: spec.key, number: r.number, action: r.state === 'closed' ? 'skipped' : r.action });
  }
  for (const c of plan.close) {
    const r = await port.closeIssue(c.key, `Closed by \`lac discover\`: ${c.why}`, c.reason);
    if (r) out.push({ key: c.key, number: r.number, action: 'closed' });
  }
  return out;
}
