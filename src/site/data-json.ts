// data.json.gz, the site's whole data as one download (gzip-compressed JSON). Each change names its commit by ID; what belongs
// to the commit (author, committer, date, pull request, signature, review) is written once, under
// `commits`, not again on each of its changes: a commit of 200,000 seat lines is one record there.
import type { HistoryEvent } from '../history/history.ts';
import type { SiteCommit } from './model/commits.ts';
import type { SiteModel } from './model/types.ts';

/** A change as data.json writes it: what changed, and the ID of the commit (details under `commits`). */
export type DataJsonEvent = Omit<HistoryEvent, CommitField>;

/** A commit as data.json writes it: the site's commit record and what each of its changes shared. */
export type DataJsonCommit = Partial<SiteCommit> & Pick<HistoryEvent, 'date' | 'author' | 'email' | 'pr' | 'signed'> & Partial<Pick<HistoryEvent, 'committer' | 'committerEmail' | 'approval'>>;

type CommitField = 'date' | 'author' | 'email' | 'pr' | 'signed' | 'committer' | 'committerEmail' | 'approval';

/** The change without its commit's fields. */
export function slimEvent(e: HistoryEvent): DataJsonEvent {
  const { date: _d, author: _a, email: _e, pr: _p, signed: _s, committer: _c, committerEmail: _ce, approval: _ap, ...rest } = e;
  return rest;
}

/** Every commit a change names, once: the site's commit record with the fields its changes shared. */
export function dataJsonCommits(events: readonly HistoryEvent[], commits: Record<string, SiteCommit> = {}): Record<string, DataJsonCommit> {
  const out: Record<string, DataJsonCommit> = {};
  for (const e of events) {
    if (out[e.commit]) continue;
    out[e.commit] = {
      ...commits[e.commit],
      date: e.date, author: e.author, email: e.email, pr: e.pr, signed: e.signed,
      ...(e.committer !== undefined ? { committer: e.committer } : {}),
      ...(e.committerEmail !== undefined ? { committerEmail: e.committerEmail } : {}),
      ...(e.approval ? { approval: e.approval } : {}),
    };
  }
  // Commits that changed the inventory without an event of their own (a policy edit) keep their record.
  for (const [sha, c] of Object.entries(commits)) out[sha] ??= { ...c, pr: null, signed: false };
  return out;
}

/** The model as data.json holds it: events slimmed lazily by the writer (`items`), commits merged. */
export function dataJson(m: SiteModel): { obj: Record<string, unknown>; items: Record<string, (item: unknown) => unknown> } {
  return {
    obj: { ...m, commits: dataJsonCommits(m.events, m.commits) } as unknown as Record<string, unknown>,
    items: { events: (e) => slimEvent(e as HistoryEvent) },
  };
}
