import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/github/bodyKey.ts';
import { createMemoryGitHub } from '../../src/github/memory.ts';
import type { GitHubPort } from '../../src/github/port.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { createGitHubPort } from '../../src/github/rest.ts';
import { FAST, portFor } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'] });

/** One bot run after another; returns what each verb reported. Same script for both ports. */
async function scenario(port: GitHubPort): Promise<unknown[]> {
  const pr = { key: 'reclaim/figma', head: 'lac/reclaim/figma', base: 'main', title: 'Reclaim Figma', body: 'b1', labels: ['reclaim'], reviewers: ['it-lead'] };
  const issue = { key: 'renewal/zoom/2026-12-01', title: 'Zoom renews', body: 'i1', labels: ['renewal'], assignees: ['fin'] };
  const trace: unknown[] = [];
  trace.push(await port.ensurePullRequest(pr));
  trace.push(await port.ensurePullRequest(pr));
  trace.push(await port.ensurePullRequest({ ...pr, body: 'b2', state: { n: 2 } }));
  trace.push(parseState((await port.findPullRequest({ key: 'reclaim/figma' }))?.body));
  trace.push(await port.ensureIssue(issue));
  trace.push(await port.ensureIssue(issue));
  trace.push(await port.ensureIssue({ ...issue, title: 'Zoom renews soon' }));
  trace.push(await port.ensureComment(2, 'status', 's1'));
  trace.push(await port.ensureComment(2, 'status', 's1'));
  trace.push(await port.hasComment(2, 'status'));
  trace.push(await port.closeIssue('renewal/zoom/2026-12-01', 'done', 'not_planned'));
  trace.push(await port.closeIssue('renewal/zoom/2026-12-01', 'done'));
  trace.push(await port.ensureIssue(issue));
  trace.push(await port.ensureIssue({ ...issue, ifClosed: 'create' }));
  trace.push(await port.closePullRequest({ key: 'reclaim/figma' }, 'no longer needed'));
  trace.push(await port.ensurePullRequest(pr));
  trace.push(await port.ensurePullRequest({ ...pr, ifClosed: 'create' }));
  trace.push((await port.listIssuesByLabel('renewal', 'all')).map((i) => [i.number, i.state, i.title]));
  const labels = [
    { name: 'LAC', color: '5319E7', description: 'Opened by lac' },
    { name: 'finance', color: 'fbca04', description: 'Needs a budget decision' },
  ];
  trace.push(await port.ensureLabels(labels));
  trace.push(await port.ensureLabels(labels));
  // URLs and comment ids differ between GitHub and memory; the rest must not.
  return trace.map((t) => (t && typeof t === 'object' && 'url' in t ? { ...t, url: '…' } : t && typeof t === 'object' && 'id' in t ? { ...t, id: '…' } : t));
}

describe('the in-memory port', () => {
  it('behaves like the REST port against the fake, write for write', async () => {
    gh.fake.addBranch('acme/licenses', 'lac/reclaim/figma');
    const overHttp = await scenario(portFor(gh.fake));
    const memory = createMemoryGitHub({ branches: new Set(['main', 'lac/reclaim/figma']) });
    const inMemory = await scenario(memory.port);
    expect(inMemory).toEqual(overHttp);
    expect(inMemory.slice(0, 3)).toEqual([
      { number: 1, url: '…', action: 'created', state: 'open' },
      { number: 1, url: '…', action: 'unchanged', state: 'open' },
      { number: 1, url: '…', action: 'updated', state: 'open' },
    ]);
    expect(memory.writes.map((w) => `${w.op} #${w.number}`)).toEqual([
      'createPull #1',
      'addLabels #1',
      'requestReviewers #1',
      'updatePull #1',
      'createIssue #2',
      'updateIssue #2',
      'createComment #2',
      'createComment #2',
      'updateIssue #2',
      'createIssue #3',
      'createComment #1',
      'updatePull #1',
      'createPull #4',
      'addLabels #4',
      'requestReviewers #4',
      'createLabel #0',
    ]);
    expect(inMemory.slice(-2)).toEqual([{ created: ['finance'] }, { created: [] }]);
    expect(gh.fake.repo('acme/licenses').labels.find((l) => l.name === 'finance')).toMatchObject({ color: 'fbca04', description: 'Needs a budget decision' });
    expect(gh.fake.writes()).toHaveLength(memory.writes.length);
  });

  it('reads any issue or pull request by number and closes an issue by number, alike over HTTP and in memory', async () => {
    const script = async (port: GitHubPort, branch: (name: string) => void) => {
      const issue = await port.ensureIssue({ key: 'request/x', title: 'A person\'s issue', body: 'b' });
      branch('lac/request/x');
      const pr = await port.ensurePullRequest({ key: 'request/x', head: 'lac/request/x', base: 'main', title: 'T', body: 'p' });
      const read = async (n: number) => {
        const found = await port.getIssue(n);
        return found && { number: found.number, title: found.title, state: found.state, isPull: found.isPull, key: found.key };
      };
      return [
        await read(issue.number), await read(pr.number), await read(999),
        (await port.getPullRequest(pr.number))?.head, await port.getPullRequest(issue.number), await port.getPullRequest(999),
        (await port.closeIssueNumber(issue.number)).action, (await port.closeIssueNumber(issue.number)).action, (await read(issue.number))?.state,
        await port.closeIssueNumber(pr.number).catch((e: Error) => e.message),
      ];
    };
    const repo = gh.fake.state.addRepo('acme/by-number');
    const overHttp = await script(createGitHubPort({ env: gh.fake.env(repo), timings: FAST }), (b) => gh.fake.addBranch('acme/by-number', b));
    const memory = createMemoryGitHub();
    expect(await script(memory.port, () => {})).toEqual(overHttp);
    expect(overHttp).toEqual([
      { number: 1, title: 'A person\'s issue', state: 'open', isPull: false, key: 'request/x' },
      { number: 2, title: 'T', state: 'open', isPull: true, key: 'request/x' },
      undefined, 'lac/request/x', undefined, undefined,
      'closed', 'unchanged', 'closed', '#2 is not an issue',
    ]);
  });

  it('refuses a PR whose head branch is unknown, like GitHub', async () => {
    const memory = createMemoryGitHub({ branches: new Set(['main']) });
    await expect(memory.port.ensurePullRequest({ key: 'k', head: 'lac/k', base: 'main', title: 't', body: 'b' })).rejects.toThrow(
      'command POST /repos/{owner}/{repo}/pulls failed with status 422: Validation Failed (head: invalid)',
    );
  });

  it('opens a fresh PR after the previous one was merged', async () => {
    const memory = createMemoryGitHub();
    const spec = { key: 'reclaim/miro', head: 'lac/reclaim/miro', base: 'main', title: 't', body: 'b' };
    const first = await memory.port.ensurePullRequest(spec);
    memory.merge(first.number);
    expect(await memory.port.ensurePullRequest(spec)).toMatchObject({ number: 2, action: 'created' });
  });
});
