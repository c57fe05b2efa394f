import { beforeEach, describe, expect, it } from 'vitest';
import { parseKey, parseState } from '../../src/github/bodyKey.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { lines, portFor } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'] });

describe('GitHubPort over HTTP against the fake', () => {
  beforeEach(() => {
    gh.fake.clearRequests();
  });

  it('creates a PR, skips an unchanged re-run, updates on change, closes with a comment', async () => {
    const { fake } = gh;
    fake.addBranch('acme/licenses', 'lac/reclaim/figma');
    const port = portFor(fake);
    const spec = {
      key: 'reclaim/figma',
      head: 'lac/reclaim/figma',
      base: 'main',
      title: 'Reclaim 3 Figma seats',
      body: 'Three people have not opened Figma in 90 days.',
      labels: ['reclaim'],
      reviewers: ['it-lead'],
      state: { seats: ['ann', 'bob', 'cy'] },
    };

    const first = await port.ensurePullRequest(spec);
    expect(first).toMatchObject({ number: 1, action: 'created', state: 'open' });
    expect(first.url).toBe(`${fake.url}/web/acme/licenses/pull/1`);
    expect(lines(fake.requests)).toEqual([
      'GET /repos/acme/licenses/pulls?head=acme:lac/reclaim/figma&state=open&sort=created&direction=desc&per_page=100',
      'GET /repos/acme/licenses/pulls?head=acme:lac/reclaim/figma&state=closed&sort=created&direction=desc&per_page=100',
      'POST /repos/acme/licenses/pulls',
      'POST /repos/acme/licenses/issues/1/labels',
      'POST /repos/acme/licenses/pulls/1/requested_reviewers',
    ]);
    const pr = fake.repo('acme/licenses').issues[0];
    expect(pr?.labels).toEqual(['lac', 'reclaim']);
    expect(pr?.pull?.requested_reviewers).toEqual(['it-lead']);
    expect(pr?.pull?.head).toBe('lac/reclaim/figma');
    expect(parseKey(pr?.body)).toBe('reclaim/figma');
    expect(parseState(pr?.body)).toEqual({ seats: ['ann', 'bob', 'cy'] });

    fake.clearRequests();
    expect(await port.ensurePullRequest(spec)).toMatchObject({ number: 1, action: 'unchanged' });
    expect(fake.writes()).toEqual([]);
    expect(fake.requests).toHaveLength(1);

    fake.clearRequests();
    const changed = await port.ensurePullRequest({ ...spec, title: 'Reclaim 2 Figma seats', state: { seats: ['ann', 'bob'] } });
    expect(changed.action).toBe('updated');
    expect(lines(fake.writes())).toEqual(['PATCH /repos/acme/licenses/pulls/1']);
    expect(fake.writes()[0]?.body).toMatchObject({ title: 'Reclaim 2 Figma seats' });
    expect(parseState(pr?.body)).toEqual({ seats: ['ann', 'bob'] });
    expect(pr?.pull?.requested_reviewers).toEqual(['it-lead']);

    fake.clearRequests();
    const closed = await port.closePullRequest({ head: 'lac/reclaim/figma' }, 'Everyone is active again.');
    expect(closed).toEqual({ number: 1, url: first.url, action: 'closed' });
    expect(lines(fake.writes())).toEqual(['POST /repos/acme/licenses/issues/1/comments', 'PATCH /repos/acme/licenses/pulls/1']);
    expect(pr?.state).toBe('closed');
    expect(fake.repo('acme/licenses').comments.map((c) => c.body)).toEqual(['Everyone is active again.']);

    fake.clearRequests();
    expect(await port.closePullRequest({ head: 'lac/reclaim/figma' }, 'again')).toBeUndefined();
    expect(fake.writes()).toEqual([]);

    // Someone closed it (a rejection): the next run leaves it alone instead of opening a new one.
    expect(await port.ensurePullRequest(spec)).toMatchObject({ number: 1, action: 'unchanged', state: 'closed' });
    expect(fake.writes()).toEqual([]);
  });

  it('keeps labels people added and adds only missing ones', async () => {
    const { fake } = gh;
    fake.addBranch('acme/licenses', 'lac/reclaim/zoom');
    const port = portFor(fake);
    const spec = { key: 'reclaim/zoom', head: 'lac/reclaim/zoom', base: 'main', title: 'Reclaim Zoom', body: 'b', labels: ['reclaim'] };
    const { number } = await port.ensurePullRequest(spec);
    const pr = fake.repo('acme/licenses').issues.find((i) => i.number === number);
    pr?.labels.push('needs-finance');
    fake.clearRequests();
    expect((await port.ensurePullRequest({ ...spec, labels: ['reclaim', 'q3'] })).action).toBe('updated');
    expect(lines(fake.writes())).toEqual([`POST /repos/acme/licenses/issues/${number}/labels`]);
    expect(fake.writes()[0]?.body).toEqual({ labels: ['q3'] });
    expect(pr?.labels).toEqual(['lac', 'reclaim', 'needs-finance', 'q3']);
    await port.closePullRequest({ key: 'reclaim/zoom' });
    expect(pr?.state).toBe('closed');
  });

  it('finds its issue again by the hidden key, skips unchanged, updates, closes with a reason', async () => {
    const { fake } = gh;
    const port = portFor(fake);
    const repo = fake.repo('acme/licenses');
    // Noise: an issue by a person with the bot's label but no key, and one with another key.
    await port.ensureIssue({ key: 'renewal/slack/2026-03-01', title: 'Slack renews', body: 'x' });
    repo.issues.push({ ...repo.issues.at(-1)!, id: 99999, number: repo.nextNumber++, body: 'a person wrote this', user: 'ann', labels: ['lac'] });
    fake.clearRequests();

    const spec = { key: 'renewal/figma/2026-09-30', title: 'Figma renews on 30 September', body: 'Cancel by 31 August.', labels: ['renewal'], assignees: ['fin-lead'], state: { noticeDays: 30 } };
    const created = await port.ensureIssue(spec);
    expect(created.action).toBe('created');
    expect(lines(fake.requests)).toEqual([
      'GET /repos/acme/licenses/issues?labels=lac&state=open&sort=created&direction=asc&per_page=100',
      'GET /repos/acme/licenses/issues?labels=lac&state=closed&sort=created&direction=asc&per_page=100',
      'POST /repos/acme/licenses/issues',
    ]);
    expect(fake.writes()[0]?.body).toMatchObject({ title: spec.title, labels: ['lac', 'renewal'], assignees: ['fin-lead'] });
    const issue = repo.issues.find((i) => i.number === created.number)!;
    expect(issue.assignees).toEqual(['fin-lead']);

    fake.clearRequests();
    expect((await port.ensureIssue(spec)).action).toBe('unchanged');
    expect(fake.writes()).toEqual([]);

    fake.clearRequests();
    expect(await port.ensureIssue({ ...spec, body: 'Cancel by 31 August. Owner: Ann.' })).toMatchObject({ number: created.number, action: 'updated' });
    expect(lines(fake.writes())).toEqual([`PATCH /repos/acme/licenses/issues/${created.number}`]);
    expect(Object.keys(fake.writes()[0]?.body as object)).toEqual(['body']);

    const found = await port.findIssue('renewal/figma/2026-09-30');
    expect(found).toMatchObject({ number: created.number, key: 'renewal/figma/2026-09-30', hiddenState: { noticeDays: 30 }, labels: ['lac', 'renewal'] });

    fake.clearRequests();
    expect(await port.closeIssue('renewal/figma/2026-09-30', 'Renewed on 12 September.', 'completed')).toMatchObject({ number: created.number, action: 'closed' });
    expect(lines(fake.writes())).toEqual([`POST /repos/acme/licenses/issues/${created.number}/comments`, `PATCH /repos/acme/licenses/issues/${created.number}`]);
    expect(fake.writes()[1]?.body).toEqual({ state: 'closed', state_reason: 'completed' });
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });

    fake.clearRequests();
    expect(await port.ensureIssue(spec)).toMatchObject({ number: created.number, action: 'unchanged', state: 'closed' });
    expect(fake.writes()).toEqual([]);
    expect((await port.listIssuesByLabel('renewal', 'all')).map((i) => i.number)).toEqual([created.number]);
  });

  it('keeps one sticky comment per key', async () => {
    const { fake } = gh;
    const port = portFor(fake);
    const { number } = await port.ensureIssue({ key: 'sticky/test', title: 'Sticky', body: 'b' });
    fake.clearRequests();
    expect(await port.hasComment(number, 'summary')).toBe(false);
    const first = await port.ensureComment(number, 'summary', 'Utilization: 80%');
    expect(first.action).toBe('created');
    expect((await port.ensureComment(number, 'summary', 'Utilization: 80%')).action).toBe('unchanged');
    expect(await port.ensureComment(number, 'summary', 'Utilization: 85%')).toEqual({ id: first.id, action: 'updated' });
    expect(await port.hasComment(number, 'summary')).toBe(true);
    expect(lines(fake.writes())).toEqual([`POST /repos/acme/licenses/issues/${number}/comments`, `PATCH /repos/acme/licenses/issues/comments/${first.id}`]);
    const comments = fake.repo('acme/licenses').comments.filter((c) => c.issue_number === number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toBe('Utilization: 85%\n\n<!-- lac:key=summary -->');
  });

  it('fails with a short GitHubError when the head branch was never pushed', async () => {
    const port = portFor(gh.fake);
    await expect(port.ensurePullRequest({ key: 'reclaim/none', head: 'lac/none', base: 'main', title: 't', body: 'b' })).rejects.toThrowErrorMatchingInlineSnapshot(`[GitHubError: command POST /repos/{owner}/{repo}/pulls failed with status 422: Validation Failed (head: invalid)]`);
  });
});
