import { describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../src/github/rest.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { FAST } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'], resetEach: true });
const SLACK = 'xoxp-1111-2222-never-printed';

describe('what lac writes to GitHub passes the redaction layer', () => {
  it('redacts PR and issue titles and bodies and comments, and a re-run with the same text writes nothing', async () => {
    const { fake } = gh;
    fake.addBranch('acme/licenses', 'lac/usage');
    const port = createGitHubPort({ env: { ...fake.env(), SLACK_TOKEN: SLACK }, timings: FAST });
    const spec = { key: 'usage/snapshots', head: 'lac/usage', base: 'main', title: `Usage ${SLACK}`, body: `- **slack**: failed: authorization: Bearer ${SLACK} (base64 ${Buffer.from(SLACK).toString('base64')})` };
    expect(await port.ensurePullRequest(spec)).toMatchObject({ number: 1, action: 'created' });
    const issue = await port.ensureIssue({ key: 'renewal/x', title: 'Renew', body: `see ${encodeURIComponent(SLACK)}` });
    await port.ensureComment(issue.number, 'note', `comment ${SLACK}`);
    await port.closePullRequest({ head: 'lac/usage' }, `closing; token=${SLACK}`);
    const repo = fake.repo('acme/licenses');
    const written = JSON.stringify({ issues: repo.issues.map((i) => [i.title, i.body]), comments: repo.comments.map((c) => c.body) });
    expect(written).not.toMatch(/xoxp|never-printed|eG94cC|xoxp%2D/);
    expect(repo.issues.find((i) => i.number === 1)?.body).toContain('- **slack**: failed: authorization: Bearer [redacted] (base64 [redacted])');
    expect(repo.issues.find((i) => i.number === 1)?.title).toBe('Usage [redacted]');
    fake.clearRequests();
    expect(await port.ensureIssue({ key: 'renewal/x', title: 'Renew', body: `see ${encodeURIComponent(SLACK)}` })).toMatchObject({ action: 'unchanged' });
    expect(fake.writes()).toEqual([]);
  });
});
