// The port's idempotent verbs over a Backend: find by key, then create, update or leave alone.
import type { Backend, IssueRecord, ListState, PullRecord } from './backend.ts';
import { bodyHash, composeBody, markers, parseKey, parseState } from './bodyKey.ts';
import type { CloseReason, CloseResult, EnsureResult, GitHubPort, IssueSpec, IssueSummary, LabelSpec, PullRequestSpec, PullRequestSummary } from './port.ts';

export interface PortOptions {
  /** Label on every bot PR and issue; default `lac`. */
  botLabel?: string;
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((l) => l.trim() !== '' && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

/** Desired labels missing from the current ones (GitHub compares label names case-insensitively). */
function missingLabels(current: string[], desired: string[]): string[] {
  const have = new Set(current.map((l) => l.toLowerCase()));
  return desired.filter((l) => !have.has(l.toLowerCase()));
}

function summary(record: IssueRecord): IssueSummary {
  return {
    number: record.number,
    url: record.url,
    title: record.title,
    body: record.body,
    state: record.state,
    labels: record.labels,
    assignees: record.assignees,
    key: parseKey(record.body),
    hiddenState: parseState(record.body),
  };
}

function pullSummary(record: PullRecord): PullRequestSummary {
  return { ...summary(record), head: record.head, base: record.base, merged: record.merged };
}

/** Builds the GitHubPort on top of `backend`. */
export function createPort(backend: Backend, options: PortOptions = {}): GitHubPort {
  const botLabel = options.botLabel ?? 'lac';

  async function pullsFor(head: string, key: string | undefined, state: ListState): Promise<PullRecord[]> {
    const pulls = await backend.listPulls({ head, state });
    return key === undefined ? pulls : pulls.filter((p) => parseKey(p.body) === key);
  }

  async function issuesWithKey(key: string, state: ListState, pulls: boolean): Promise<IssueRecord[]> {
    const all = await backend.listIssues({ label: botLabel, state });
    return all.filter((i) => i.isPull === pulls && parseKey(i.body) === key);
  }

  async function findPullRequest(query: { head?: string; key?: string; state?: ListState }): Promise<PullRequestSummary | undefined> {
    const state = query.state ?? 'open';
    if (query.head !== undefined) return mapFirst(await pullsFor(query.head, query.key, state));
    if (query.key === undefined) throw new Error('findPullRequest needs a head or a key');
    const found = (await issuesWithKey(query.key, state, true)).at(-1);
    return found ? pullSummary(await backend.getPull(found.number)) : undefined;
  }

  function mapFirst(pulls: PullRecord[]): PullRequestSummary | undefined {
    const first = pulls[0];
    return first ? pullSummary(first) : undefined;
  }

  return {
    repository: backend.repository,
    botLabel,

    async ensurePullRequest(spec: PullRequestSpec): Promise<EnsureResult> {
      const body = composeBody(spec.body, spec.key, spec.state);
      const labels = uniqueLabels([botLabel, ...(spec.labels ?? [])]);
      const open = await backend.listPulls({ head: spec.head, state: 'open' });
      const existing = open.find((p) => parseKey(p.body) === spec.key) ?? open[0];
      if (!existing) {
        if ((spec.ifClosed ?? 'skip') === 'skip') {
          const rejected = (await pullsFor(spec.head, spec.key, 'closed')).find((p) => !p.merged);
          if (rejected) return { number: rejected.number, url: rejected.url, action: 'unchanged', state: 'closed' };
        }
        const created = await backend.createPull({ title: spec.title, body, head: spec.head, base: spec.base, draft: spec.draft ?? false });
        await backend.addLabels(created.number, labels);
        if (spec.reviewers?.length || spec.teamReviewers?.length) {
          await backend.requestReviewers(created.number, spec.reviewers ?? [], spec.teamReviewers ?? []);
        }
        return { number: created.number, url: created.url, action: 'created', state: 'open' };
      }
      const patch: { title?: string; body?: string; base?: string } = {};
      if (existing.title !== spec.title) patch.title = spec.title;
      if (bodyHash(existing.body) !== bodyHash(body)) patch.body = body;
      if (existing.base !== spec.base) patch.base = spec.base;
      const addLabels = missingLabels(existing.labels, labels);
      if (Object.keys(patch).length === 0 && addLabels.length === 0) {
        return { number: existing.number, url: existing.url, action: 'unchanged', state: 'open' };
      }
      if (Object.keys(patch).length > 0) await backend.updatePull(existing.number, patch);
      if (addLabels.length > 0) await backend.addLabels(existing.number, addLabels);
      return { number: existing.number, url: existing.url, action: 'updated', state: 'open' };
    },

    findPullRequest,

    async closePullRequest(target: { key?: string; head?: string }, comment?: string): Promise<CloseResult | undefined> {
      const pr = await findPullRequest({ ...target, state: 'open' });
      if (!pr) return undefined;
      if (comment !== undefined) await backend.createComment(pr.number, comment);
      await backend.updatePull(pr.number, { state: 'closed' });
      return { number: pr.number, url: pr.url, action: 'closed' };
    },

    async ensureIssue(spec: IssueSpec): Promise<EnsureResult> {
      const body = composeBody(spec.body, spec.key, spec.state);
      const labels = uniqueLabels([botLabel, ...(spec.labels ?? [])]);
      const assignees = spec.assignees ?? [];
      const existing = (await issuesWithKey(spec.key, 'open', false))[0];
      if (!existing) {
        if ((spec.ifClosed ?? 'skip') === 'skip') {
          const closed = (await issuesWithKey(spec.key, 'closed', false)).at(-1);
          if (closed) return { number: closed.number, url: closed.url, action: 'unchanged', state: 'closed' };
        }
        const created = await backend.createIssue({ title: spec.title, body, labels, assignees });
        return { number: created.number, url: created.url, action: 'created', state: 'open' };
      }
      const patch: { title?: string; body?: string; labels?: string[]; assignees?: string[] } = {};
      if (existing.title !== spec.title) patch.title = spec.title;
      if (bodyHash(existing.body) !== bodyHash(body)) patch.body = body;
      const addLabels = missingLabels(existing.labels, labels);
      // PATCH replaces the label set: keep the labels people added.
      if (addLabels.length > 0) patch.labels = [...existing.labels, ...addLabels];
      if (existing.assignees.length === 0 && assignees.length > 0) patch.assignees = assignees;
      if (Object.keys(patch).length === 0) return { number: existing.number, url: existing.url, action: 'unchanged', state: 'open' };
      await backend.updateIssue(existing.number, patch);
      return { number: existing.number, url: existing.url, action: 'updated', state: 'open' };
    },

    async findIssue(key: string, state: ListState = 'open'): Promise<IssueSummary | undefined> {
      const found = (await issuesWithKey(key, state, false)).at(-1);
      return found ? summary(found) : undefined;
    },

    async closeIssue(key: string, comment?: string, reason: CloseReason = 'completed'): Promise<CloseResult | undefined> {
      const issue = (await issuesWithKey(key, 'open', false))[0];
      if (!issue) return undefined;
      if (comment !== undefined) await backend.createComment(issue.number, comment);
      await backend.updateIssue(issue.number, { state: 'closed', state_reason: reason });
      return { number: issue.number, url: issue.url, action: 'closed' };
    },

    async ensureComment(issueNumber: number, key: string, text: string): Promise<{ id: number; action: 'created' | 'updated' | 'unchanged' }> {
      const body = composeBody(text, key);
      const existing = (await backend.listComments(issueNumber)).find((c) => parseKey(c.body) === key);
      if (!existing) return { id: (await backend.createComment(issueNumber, body)).id, action: 'created' };
      if (bodyHash(existing.body) === bodyHash(body)) return { id: existing.id, action: 'unchanged' };
      await backend.updateComment(existing.id, body);
      return { id: existing.id, action: 'updated' };
    },

    async hasComment(issueNumber: number, key: string): Promise<boolean> {
      markers(key);
      return (await backend.listComments(issueNumber)).some((c) => parseKey(c.body) === key);
    },

    async ensureLabels(labels: LabelSpec[]): Promise<{ created: string[] }> {
      const existing = new Set((await backend.listLabels()).map((l) => l.name.toLowerCase()));
      const created: string[] = [];
      for (const label of labels) {
        if (existing.has(label.name.toLowerCase())) continue;
        if (!/^[0-9a-fA-F]{6}$/.test(label.color)) throw new Error(`label ${label.name}: color must be six hex digits, not ${JSON.stringify(label.color)}`);
        await backend.createLabel({ name: label.name, color: label.color.toLowerCase(), description: label.description ?? null });
        existing.add(label.name.toLowerCase());
        created.push(label.name);
      }
      return { created };
    },

    async getIssue(number: number) {
      const found = await backend.getIssue(number);
      return found ? { ...summary(found), isPull: found.isPull } : undefined;
    },

    async getPullRequest(number: number) {
      const found = await backend.getIssue(number);
      return found?.isPull ? pullSummary(await backend.getPull(number)) : undefined;
    },

    async closeIssueNumber(number: number, reason: CloseReason = 'completed'): Promise<CloseResult> {
      const issue = await backend.getIssue(number);
      if (!issue || issue.isPull) throw new Error(`#${number} is not an issue`);
      if (issue.state === 'closed') return { number, url: issue.url, action: 'unchanged' };
      await backend.updateIssue(number, { state: 'closed', state_reason: reason });
      return { number, url: issue.url, action: 'closed' };
    },

    async listIssuesByLabel(label: string, state: ListState = 'open', kind: 'issues' | 'pulls' = 'issues'): Promise<IssueSummary[]> {
      return (await backend.listIssues({ label, state })).filter((i) => i.isPull === (kind === 'pulls')).map(summary);
    },
  };
}
