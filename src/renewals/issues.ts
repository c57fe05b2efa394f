import { GitHubError, type CloseReason, type EnsureResult, type GitHubPort, type IssueSpec, type IssueSummary, type LabelSpec } from '../github/index.ts';
import type { IsoDate } from '../util/dates.ts';
import { mdCode, mdText, mdTitle } from '../util/escape/markdown.ts';
import { closeComment, issueBody, keepTicks, overdueComment, reminderComment } from './issue-body.ts';
import type { Renewal } from './plan.ts';

/** The hidden key of the issue for one term of a contract. */
export const issueKey = (contract: string, termEnd: IsoDate) => `renewal/${contract}/${termEnd}`;
const KEY = /^renewal\/([a-z0-9._-]+)\/(\d{4}-\d{2}-\d{2})$/;

export const RENEWAL_LABEL: LabelSpec = { name: 'renewal', color: 'fbca04', description: 'A contract renewal needs a decision' };
export const OVERDUE_LABEL: LabelSpec = { name: 'cancel-by-passed', color: 'b60205', description: 'The cancel-by date passed with no decision recorded' };

/** What lac remembers in the issue body between runs. */
export interface IssueState {
  contract: string;
  term_end: IsoDate;
  cancel_by: IsoDate;
  /** Reminder thresholds already reached (their comment posted, or passed before the issue existed). */
  reminded: number[];
  /** The cancel-by-passed comment was posted. */
  overdue?: boolean;
}

export interface IssueComment {
  key: string;
  body: string;
}

export interface EnsureStep {
  renewal: Renewal;
  spec: IssueSpec & { state: IssueState };
  /** Posted once, after the issue exists; never again for the same key. */
  comments: IssueComment[];
}

export interface CloseStep {
  key: string;
  number: number;
  why: string;
  reason: CloseReason;
}

export interface IssuePlan {
  labels: LabelSpec[];
  ensure: EnsureStep[];
  close: CloseStep[];
}

/** Whether a renewal wants an open issue: its term has not ended, and nobody decided yet. */
export const wantsIssue = (r: Renewal) => r.dates.decision === 'undecided' && ['upcoming', 'notice-window', 'past-cancel-by'].includes(r.dates.status);

function previousState(issue: IssueSummary | undefined): Partial<IssueState> {
  const s = issue?.hiddenState;
  return s && typeof s === 'object' ? (s as Partial<IssueState>) : {};
}

/**
 * Reminder thresholds reached so far (days to cancel-by at or under them), and the one comment due
 * now: the nearest threshold reached, unless it was reminded before. On the run that opens the
 * issue, the thresholds already passed count as reminded: the new issue is the reminder.
 */
export function reminders(r: Renewal, prev: Partial<IssueState>, isNew: boolean): { reached: number[]; due: number | undefined } {
  const left = r.dates.daysToCancelBy;
  const reached = r.reminderDays.filter((t) => left <= t);
  const before = new Set(Array.isArray(prev.reminded) ? prev.reminded : []);
  const nearest = left >= 0 ? reached.at(-1) : undefined;
  const due = !isNew && nearest !== undefined && !before.has(nearest) ? nearest : undefined;
  const all = [...new Set([...before, ...reached])].filter((t) => typeof t === 'number').sort((a, b) => b - a);
  return { reached: all, due };
}

/** Why an open renewal issue is no longer wanted, or undefined to leave it open. */
function closeReason(contract: string, termEnd: IsoDate, byId: Map<string, Renewal>): { why: string; reason: CloseReason } | undefined {
  const r = byId.get(contract);
  if (!r) return { why: `contract ${mdCode(contract)} is no longer in the inventory (or no longer has a term).`, reason: 'not_planned' };
  const d = r.contract.data;
  if (r.successors.length > 0) return { why: `renewed: ${r.successors.map(mdCode).join(', ')} follows ${mdCode(contract)} (${mdCode(`previous: ${contract}`)}).`, reason: 'completed' };
  if (r.dates.term.end !== termEnd) {
    const how = r.dates.rolls > 0 ? 'it renewed by itself' : 'the contract file now has the next term';
    return { why: `renewed: the term ending ${termEnd} moved on (${how}); the term in force runs ${r.dates.term.start} to ${r.dates.term.end}.`, reason: 'completed' };
  }
  const by = mdText([d.renewal?.decided_by && `by ${d.renewal.decided_by}`, d.renewal?.decided_on && `on ${d.renewal.decided_on}`].filter(Boolean).join(' '));
  if (r.dates.decision === 'cancel') return { why: `cancelled: the decision \`cancel\` is recorded${by ? ` ${by}` : ''}; the term ends on ${termEnd}.`, reason: 'completed' };
  if (r.dates.decision !== 'undecided') return { why: `decided: ${mdCode(r.dates.decision)} is recorded${by ? ` ${by}` : ''}.`, reason: 'completed' };
  if (r.dates.status === 'expired') return { why: `the term ended on ${termEnd} and the contract did not renew.`, reason: 'not_planned' };
  return undefined;
}

/**
 * The issues that should exist and be closed, from the renewals in the window, all renewals (to
 * tell why an issue is done), and the bot's open issues. Pure.
 */
export function planIssues(input: { inWindow: readonly Renewal[]; all: readonly Renewal[]; open: readonly IssueSummary[]; labels: readonly string[] }): IssuePlan {
  const openByKey = new Map(input.open.filter((i) => i.key).map((i) => [i.key!, i]));
  const ensure: EnsureStep[] = [];
  let overdueAny = false;
  for (const r of input.inWindow.filter(wantsIssue)) {
    const key = issueKey(r.id, r.dates.term.end);
    const existing = openByKey.get(key);
    const prev = previousState(existing);
    const { reached, due } = reminders(r, prev, existing === undefined);
    const overdue = r.dates.status === 'past-cancel-by';
    overdueAny ||= overdue;
    const comments: IssueComment[] = [];
    if (due !== undefined) comments.push({ key: `${key}/reminder-${due}`, body: reminderComment(r, due) });
    if (overdue && !prev.overdue) comments.push({ key: `${key}/cancel-by-passed`, body: overdueComment(r) });
    const state: IssueState = { contract: r.id, term_end: r.dates.term.end, cancel_by: r.dates.cancelBy, reminded: reached, ...(overdue ? { overdue: true } : {}) };
    ensure.push({
      renewal: r,
      comments,
      spec: {
        key,
        title: mdTitle(overdue ? `Cancel-by date passed: ${r.title} (${r.dates.cancelBy})` : `Renewal: ${r.title}, cancel by ${r.dates.cancelBy}`),
        body: keepTicks(existing?.body, issueBody(r)),
        labels: [RENEWAL_LABEL.name, ...input.labels, ...(overdue ? [OVERDUE_LABEL.name] : [])],
        ...(r.owner?.github ? { assignees: [r.owner.github] } : {}),
        state,
      },
    });
  }
  const wanted = new Set(ensure.map((e) => e.spec.key));
  const byId = new Map(input.all.map((r) => [r.id, r]));
  const close: CloseStep[] = [];
  for (const issue of input.open) {
    const m = issue.key ? KEY.exec(issue.key) : null;
    if (!m || wanted.has(issue.key!)) continue;
    const reason = closeReason(m[1]!, m[2]!, byId);
    if (reason) close.push({ key: issue.key!, number: issue.number, ...reason });
  }
  return { labels: [RENEWAL_LABEL, ...(overdueAny ? [OVERDUE_LABEL] : [])], ensure, close };
}

export interface IssueOutcome {
  key: string;
  number: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged' | 'closed' | 'skipped';
  comments: string[];
}

/**
 * ensureIssue; when GitHub rejects the assignee (422: the owner's login cannot be assigned in
 * this repository, e.g. not a collaborator), the issue is opened unassigned rather than not at all.
 */
async function ensureIssue(port: GitHubPort, spec: IssueSpec): Promise<EnsureResult> {
  try {
    return await port.ensureIssue(spec);
  } catch (e) {
    if (!(e instanceof GitHubError) || e.status !== 422 || !spec.assignees?.length) throw e;
    const { assignees: _dropped, ...unassigned } = spec;
    return port.ensureIssue(unassigned);
  }
}

/** Makes the plan so on GitHub: every verb is idempotent, so a re-run with nothing new writes nothing. */
export async function applyIssues(port: GitHubPort, plan: IssuePlan): Promise<IssueOutcome[]> {
  const out: IssueOutcome[] = [];
  if (plan.ensure.length > 0) await port.ensureLabels(plan.labels);
  for (const step of plan.ensure) {
    const result = await ensureIssue(port, step.spec);
    const posted: string[] = [];
    // A closed issue with this key was closed by a person: leave it, and its comments, alone.
    if (result.state === 'open') {
      for (const c of step.comments) {
        // The comment key is the second guard: a lost or edited hidden state never repeats a reminder.
        if (await port.hasComment(result.number, c.key)) continue;
        await port.ensureComment(result.number, c.key, c.body);
        posted.push(c.key);
      }
    }
    out.push({ key: step.spec.key, number: result.number, url: result.url, action: result.state === 'closed' ? 'skipped' : result.action, comments: posted });
  }
  for (const step of plan.close) {
    const result = await port.closeIssue(step.key, closeComment(step.why), step.reason);
    if (result) out.push({ key: step.key, number: result.number, url: result.url, action: 'closed', comments: [] });
  }
  return out;
}
