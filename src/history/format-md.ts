import { mdCode, mdRow, mdText } from '../util/escape/markdown.ts';
import { approvalWords, mergerWords, reviewersWords, signatureWords } from './approval-text.ts';
import type { HistoryEvent } from './history.ts';
import { summary } from './format.ts';

const COLUMNS = ['Date', 'Commit', 'PR', 'Author', 'Committer', 'Change', 'Approval', 'Reviewers', 'Merged by', 'Signature'];

/**
 * Markdown (a job summary, a PR comment): one table row per event. Every value is data and goes
 * through mdText/mdCode; a PR's title is text and its link only the address lac built on the
 * repository's own host.
 */
export function formatMarkdown(events: readonly HistoryEvent[]): string {
  if (events.length === 0) return 'No changes.\n';
  const rows = [mdRow(COLUMNS), mdRow(COLUMNS.map(() => '---'))];
  for (const e of events) {
    const a = e.approval;
    const n = a?.prNumber ?? e.pr;
    const pr = n === null ? '' : a?.prUrl && /^https?:\/\//.test(a.prUrl) ? `[#${n}](<${encodeURI(a.prUrl)}>)` : `#${n}`;
    const title = a?.prTitle === undefined ? '' : ` ${mdText(a.prTitle)}`;
    rows.push(mdRow([
      mdText(e.date.slice(0, 10)), mdCode(e.commit.slice(0, 10)), `${pr}${title}`, mdText(e.author), mdText(e.committer ?? ''), mdText(summary(e)),
      a ? mdText(approvalWords(a)) : '', a ? mdText(reviewersWords(a)) : '', a ? mdText(mergerWords(a)) : '', a ? mdText(signatureWords(a)) : mdText(e.signed ? 'signed' : 'unsigned'),
    ]));
  }
  return `${rows.join('\n')}\n`;
}
