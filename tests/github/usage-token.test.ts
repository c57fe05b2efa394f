// Issue 10: the GitHub usage sources read LAC_GITHUB_USAGE_TOKEN (an org- or enterprise-scoped
// token) and fall back to GITHUB_TOKEN only when it is unset, and say which one they used.
import { afterEach, describe, expect, it } from 'vitest';
import { connectorError } from '../../src/github/connector.ts';
import { GitHubError } from '../../src/github/errors.ts';
import { githubCopilotConnector } from '../../src/usage/github-copilot/index.ts';
import { githubEnterpriseConnector } from '../../src/usage/github-enterprise/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { files } from '../support/inventory.ts';
import { FAST } from './helpers.ts';

const USAGE_TOKEN = 'ghp_orgScopedUsageToken0123456789';
// The fake answers 401 to any other token, so a success proves which token was sent.
const gh = useGitHubFake({ token: USAGE_TOKEN });
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

const context = (env: Record<string, string>, config: Record<string, unknown>) => ({ config, env: { GITHUB_API_URL: gh.fake.url, ...env }, today: '2026-11-20', fetch: globalThis.fetch });

describe('LAC_GITHUB_USAGE_TOKEN', () => {
  it('is preferred to GITHUB_TOKEN by both sources, and the result names it', async () => {
    gh.fake.setCopilotSeats('acme', [{ login: 'ann' }]);
    gh.fake.setConsumedLicenses('acme-inc', 5, [{ github_com_login: 'ann', github_com_user: true, license_type: 'enterprise' }]);
    const env = { GITHUB_TOKEN: 'ghs_repositoryTokenCannotReadBilling', LAC_GITHUB_USAGE_TOKEN: USAGE_TOKEN };
    const copilot = await githubCopilotConnector({ timings: FAST }).pull(context(env, { org: 'acme' }));
    expect(copilot).toMatchObject({ credential: 'LAC_GITHUB_USAGE_TOKEN', accounts: [{ account: 'ann' }] });
    const enterprise = await githubEnterpriseConnector({ timings: FAST }).pull(context(env, { enterprise: 'acme-inc' }));
    expect(enterprise).toMatchObject({ credential: 'LAC_GITHUB_USAGE_TOKEN', accounts: [{ account: 'ann' }] });
  });

  it('falls back to GITHUB_TOKEN only when unset or blank, and says so when GitHub refuses it', async () => {
    gh.fake.setCopilotSeats('acme', [{ login: 'ann' }]);
    const fallback = await githubCopilotConnector({ timings: FAST }).pull(context({ GITHUB_TOKEN: USAGE_TOKEN, LAC_GITHUB_USAGE_TOKEN: '  ' }, { org: 'acme' }));
    expect(fallback.credential).toBe('GITHUB_TOKEN');
    const refused = (await githubCopilotConnector({ timings: FAST }).pull(context({ GITHUB_TOKEN: 'ghs_wrong0123456789' }, { org: 'acme' })).catch((e: unknown) => e)) as ConnectorError;
    expect(refused).toBeInstanceOf(ConnectorError);
    expect(refused.message).toMatch(/^GitHub Copilot: command GET \/orgs\/acme\/copilot\/billing\/seats failed with status 401.*\(token from GITHUB_TOKEN\)$/);
    expect(refused.hint).toBe('GITHUB_TOKEN was rejected: it is wrong or expired.');
    const none = (await githubEnterpriseConnector({ timings: FAST }).pull(context({}, { enterprise: 'acme-inc' })).catch((e: unknown) => e)) as ConnectorError;
    expect(none.message).toBe('GitHub Enterprise: neither LAC_GITHUB_USAGE_TOKEN nor GITHUB_TOKEN is set');
  });

  it('a 403 with the repository token points at LAC_GITHUB_USAGE_TOKEN; with the usage token it names the scope only', () => {
    const forbidden = new GitHubError('GET /orgs/{org}/copilot/billing/seats', 403, 'Resource not accessible by integration');
    expect((connectorError('GitHub Copilot', forbidden, 'GITHUB_TOKEN', 'the `read:org` scope', '') as ConnectorError).hint).toBe(
      "The token in GITHUB_TOKEN lacks permission (it needs the `read:org` scope), or the rate limit was exhausted. The repository's GITHUB_TOKEN cannot have it: set LAC_GITHUB_USAGE_TOKEN to an organization- or enterprise-scoped token.",
    );
    expect((connectorError('GitHub Copilot', forbidden, 'LAC_GITHUB_USAGE_TOKEN', 'the `read:org` scope', '') as ConnectorError).hint).toBe('The token in LAC_GITHUB_USAGE_TOKEN lacks permission (it needs the `read:org` scope), or the rate limit was exhausted.');
  });

  it('lac pull names the variable it used, never the value', async () => {
    gh.fake.setCopilotSeats('acme', [{ login: 'ada-l' }]);
    const dir = tempRepo(files({ 'inventory/licenses/figma.yaml': 'id: figma\nname: Copilot\nvendor: figma\ntype: subscription\nowner: ada\ntiers:\n  - { id: full, name: Full seat }\nusage: { source: github-copilot, config: { org: acme, tiers: { business: full } } }\n' }));
    dirs.push(dir);
    const r = await lac(['pull', 'figma', '--root', dir], { env: { GITHUB_API_URL: gh.fake.url, LAC_GITHUB_WAIT_UNIT_MS: '5', GITHUB_TOKEN: 'ghs_other0123456789', LAC_GITHUB_USAGE_TOKEN: USAGE_TOKEN } });
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'figma: 1 accounts, 1 matched, 0 unmatched: wrote inventory/usage/figma.yaml; token from LAC_GITHUB_USAGE_TOKEN\n' });
  });
});
