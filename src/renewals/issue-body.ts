import { noticeText } from '../rules/describe.ts';
import { CLOSE_COMMENT, ISSUE_BODY, OVERDUE_COMMENT, REMINDER_COMMENT } from '../templates/renewal/issue.ts';
import { md, mdCode, mdText, mention } from '../util/escape/markdown.ts';
import { compileMarkdown } from '../util/escape/template.ts';
import { formatMoney } from '../util/money.ts';
import { relativeDays, STATUS_TEXT } from './format.ts';
import type { Renewal } from './plan.ts';

const templates = { body: compileMarkdown(ISSUE_BODY), reminder: compileMarkdown(REMINDER_COMMENT), overdue: compileMarkdown(OVERDUE_COMMENT), close: compileMarkdown(CLOSE_COMMENT) };

/** The branch of a contract's renewal pull request. */
export const renewalBranch = (contract: string) => `lac/renewal/${contract}`;

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function view(r: Renewal) {
  const c = r.contract.data;
  const money = (m: bigint | undefined) => (m === undefined ? '' : formatMoney(m, r.currency));
  return {
    overdue: r.dates.status === 'past-cancel-by' && r.dates.decision === 'undecided',
    overdueFor: days(-r.dates.daysToCancelBy),
    autoRenew: c.auto_renew === true,
    rolled: r.dates.rolls > 0,
    title: r.title,
    id: r.id,
    vendor: r.vendor,
    file: md(mdCode(r.contract.src.file)),
    owner: md(r.owner ? (r.owner.github ? mention(r.owner.github) : mdText(r.owner.name ?? r.owner.id)) : 'nobody (set `owner:` in the contract)'),
    mention: md(r.owner?.github ? `${mention(r.owner.github)} ` : ''),
    termStart: r.dates.term.start,
    termEnd: r.dates.term.end,
    renewal: r.dates.renewal,
    renewalWhen: relativeDays(r.dates.daysToRenewal),
    cancelBy: r.dates.cancelBy,
    cancelByWhen: relativeDays(r.dates.daysToCancelBy),
    decisionDue: r.dates.decisionDue,
    decisionDueWhen: relativeDays(r.dates.daysToDecision),
    notice: noticeText(c.notice),
    status: STATUS_TEXT[r.dates.status],
    decision: r.dates.decision,
    costNow: money(r.cost?.current),
    costRecommended: money(r.cost?.recommended),
    costProblem: r.costProblem ?? 'unknown',
    nextStart: r.dates.next.start,
    nextEnd: r.dates.next.end,
    branch: md(mdCode(renewalBranch(r.id))),
    lines: r.lines.map((l) => ({
      license: l.license,
      tier: l.tier,
      current: String(l.current),
      peak: l.usage && l.usage.basis !== 'none' ? `${l.usage.peak}${l.usage.basis === 'assignments' ? ' (assigned)' : ''}` : 'n/a',
      recommended: String(l.recommended),
      why: l.reasoning.join('; '),
    })),
  };
}

/** The issue body of a renewal (without lac's hidden markers). */
export const issueBody = (r: Renewal): string => templates.body(view(r));

/** The comment posted once when `threshold` days before the cancel-by date are reached. */
export const reminderComment = (r: Renewal, threshold: number): string => templates.reminder({ ...view(r), days: threshold === 0 ? 'No days left' : `${days(threshold)} or fewer` });

export const overdueComment = (r: Renewal): string => templates.overdue(view(r));

/** The comment that closes an issue; `why` is markdown lac built (data in it escaped). */
export const closeComment = (why: string): string => templates.close({ why: md(why) });

const TICKED = /^(\s*[-*] )\[[xX]\] (.+)$/;

/** Keeps the boxes people ticked in the current body ticked in the new one (matched by the item's text). */
export function keepTicks(current: string | undefined, next: string): string {
  if (!current) return next;
  const ticked = new Set<string>();
  for (const line of current.split(/\r?\n/)) {
    const m = TICKED.exec(line);
    if (m) ticked.add(m[2]!.trim());
  }
  if (ticked.size === 0) return next;
  return next
    .split('\n')
    .map((line) => {
      const m = /^(\s*[-*] )\[ \] (.+)$/.exec(line);
      return m && ticked.has(m[2]!.trim()) ? `${m[1]}[x] ${m[2]}` : line;
    })
    .join('\n');
}
