import { NOT_AVAILABLE } from '../../history/approval.ts';
import { approvalWords, approversWords, mergerWords, reviewersWords, signatureWords } from '../../history/approval-text.ts';
import type { HistoryEvent } from '../../history/history.ts';
import type { SiteCommit } from '../model/commits.ts';
import { sourceRoute } from '../links.ts';
import { routes } from '../routes.ts';
import type { CellValue, Page, Section, Table } from '../types.ts';
import { eventsTable, groupBy, link, type Ctx } from './context.ts';

/** A commit page lists this many of its changes (an initial import can add 100,000 seats); the audit trail has them all. */
export const COMMIT_EVENTS = 200;

/** An address the site may link to: its own routes, or pages under the repository's own web address (never a host from data). */
function own(ctx: Ctx, url: string | undefined): string | null {
  const repo = ctx.m.provenance.repoUrl;
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return repo && url.startsWith(`${repo}/`) ? url : null;
}

const person = (name: string, email: string) => (email ? `${name} <${email}>` : name);

/** Where a diff hunk of `file` at commit `sha` links: the file at that commit on the repository's host, else the site's source view. */
function sourceAt(ctx: Ctx, sha: string, file: string, line: number | null): string | null {
  const { repoUrl, prefix } = ctx.m.provenance;
  if (repoUrl) return `${repoUrl}/blob/${sha}/${`${prefix}${file}`.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
  // The site keeps only the files at the commit it was built from: link the file as it stands now.
  return ctx.m.files.includes(file) ? sourceRoute(file) : null;
}

function diffTable(ctx: Ctx, sha: string, c: SiteCommit): Table {
  const diff = c.diff!;
  const local = !ctx.m.provenance.repoUrl;
  return {
    id: `commit-${sha.slice(0, 12)}-diff`,
    title: `Changed lines${diff.truncated ? ` (the first ${diff.lines.length}; the rest are in the commit)` : ''}${local ? ' (files link to their current version)' : ''}`,
    columns: [{ label: 'File' }, { label: 'Line', numeric: true }, { label: 'Change' }, { label: 'Text' }],
    rows: diff.lines.map((l): CellValue[] => [
      l.kind === '@' ? link(l.file, sourceAt(ctx, sha, l.file, l.new)) : l.file,
      String(l.new ?? l.old ?? ''),
      l.kind === '@' ? 'hunk' : l.kind === '+' ? 'added' : l.kind === '-' ? 'removed' : '',
      l.text,
    ]),
    empty: 'No line under inventory/ changed as text (a mode change, or a binary file).',
  };
}

/** Author, committer, merger, pull request with its title, reviewers, approvers and signature of a commit. */
function factsOf(ctx: Ctx, sha: string, e: HistoryEvent, c: SiteCommit | undefined): Section {
  const a = e.approval;
  const n = a?.prNumber ?? e.pr;
  const pr: CellValue = n === null || n === undefined ? (a?.status === 'unavailable' ? NOT_AVAILABLE : 'none') : link(`#${n}${a?.prTitle !== undefined ? ` ${a.prTitle}` : ''}`, own(ctx, a?.prUrl) ?? ctx.links.pull(n));
  const external = ctx.links.local ? null : ctx.links.commit(sha);
  return { type: 'facts', items: [
    { label: 'Commit', value: link(sha, external) }, { label: 'Date', value: e.date },
    { label: 'Author', value: person(c?.author ?? e.author, c?.email ?? e.email) },
    { label: 'Committer', value: c ? person(c.committer, c.committerEmail) : (e.committer ?? '') },
    { label: 'Merged by', value: a ? mergerWords(a) || 'not merged (pushed directly)' : NOT_AVAILABLE },
    { label: 'Pull request', value: pr },
    { label: 'Approval', value: a ? approvalWords(a) : NOT_AVAILABLE },
    { label: 'Reviewed by', value: a ? reviewersWords(a) : NOT_AVAILABLE },
    { label: 'Approved by', value: a ? approversWords(a) : NOT_AVAILABLE },
    { label: 'Signature', value: a ? signatureWords(a) : e.signed ? 'signed, not verified' : 'unsigned' },
  ] };
}

/** A page per commit that changed the inventory: its review record, its message, its changes and its changed lines. */
export function changeCommitPages(ctx: Ctx): Page[] {
  return [...groupBy(ctx.m.events, (e) => e.commit)].map(([sha, events]): Page => {
    const e = events[0]!;
    const c = ctx.m.commits?.[sha];
    const counts = [...groupBy(events, (x) => x.type)].map(([type, xs]) => [type, String(xs.length)]);
    const shown = events.slice(0, COMMIT_EVENTS);
    return {
      route: routes.commit(sha), title: `Commit ${sha.slice(0, 12)}`, nav: 'audit',
      crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }],
      sections: [
        factsOf(ctx, sha, e, c),
        ...(c ? [{ type: 'text' as const, title: 'Commit message', text: c.message || '(empty)' }] : []),
        ctx.table({ id: `commit-${sha.slice(0, 12)}-kinds`, title: 'Changes by kind', columns: [{ label: 'Event' }, { label: 'Count', numeric: true }], rows: counts }),
        ctx.table(eventsTable(ctx, `commit-${sha.slice(0, 12)}`, shown.length < events.length ? `The first ${shown.length} of ${events.length} changes (all are in the audit trail)` : 'Changes in this commit', shown)),
        ...(c?.diff ? [ctx.table(diffTable(ctx, sha, c))] : []),
      ],
    };
  });
}
