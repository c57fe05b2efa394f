// Issue 12: a vendor (or a proxy) that echoes every request header and the request body into
// its 401, 500 and malformed 200 answers must not get any secret, in any encoding, into lac's
// stdout, stderr, the files of the repository, the pushed branch or the pull request body.
// Vendor shapes: Okta errorSummary (developer.okta.com "Error codes"), Google and Graph
// `{ error: { code, message } }`, OAuth 2.0 `{ error, error_description }` (RFC 6749 §5.2),
// Zoom `{ code, message }`, Slack `{ ok: false, error }` (api.slack.com/web "Evaluating
// responses"), GitHub `{ message }` (docs.github.com "Troubleshooting the REST API").
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import type { TestRepo } from '../support/git.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { files, LICENSE } from '../support/inventory.ts';
import { bareRemote } from '../support/remote.ts';
import { startEchoFake, type EchoFake, type EchoMode } from '../support/vendor-fakes/echo.ts';
import { M365_ENV } from '../support/vendor-fakes/microsoft-365.ts';
import { OKTA_TOKEN } from '../support/vendor-fakes/okta.ts';
import { serviceAccountKey } from '../support/vendor-fakes/google-workspace.ts';
import { SLACK_TOKEN } from '../support/vendor-fakes/slack.ts';
import { ZOOM_ENV } from '../support/vendor-fakes/zoom.ts';

const remote = bareRemote();
const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: remote.path }], resetEach: true });
const repos: TestRepo[] = [];
const fakes: EchoFake[] = [];
afterEach(async () => {
  repos.splice(0).forEach((r) => r.cleanup());
  remote.clear();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const USAGE_TOKEN = 'ghp_usageTokenNeverPrinted0123456789abcd';
const GOOGLE_KEY = serviceAccountKey().json;
/** Access tokens the fake issues: a JWT as Zoom and Graph issue, an opaque one as Google does. */
const JWT_ACCESS = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsYWMtdGVzdCIsImF1ZCI6ImFwaSJ9.c2lnbmF0dXJlLW5ldmVyLXByaW50ZWQ';
const OPAQUE_ACCESS = 'ya29.a0AfH6SMBnever-printed-access-token';

interface Case {
  source: string;
  env: Record<string, string>;
  config: (url: string) => string;
  /** Sources with a token endpoint are tested with it failing, and with it answering and the API failing. */
  failAt: ('token' | 'api')[];
  modes: EchoMode[];
  accessToken: string;
  /** GitHub sources: only these paths echo; the rest reaches the GitHub fake (publishing). */
  vendorPaths?: string[];
}

const MODES: EchoMode[] = ['401', '500', 'malformed-200'];
const CASES: Case[] = [
  { source: 'github-copilot', env: { LAC_GITHUB_USAGE_TOKEN: USAGE_TOKEN }, config: () => '{ org: acme }', failAt: ['api'], modes: MODES, accessToken: '', vendorPaths: ['/orgs/'] },
  { source: 'github-enterprise', env: { LAC_GITHUB_USAGE_TOKEN: USAGE_TOKEN }, config: () => '{ enterprise: acme-inc }', failAt: ['api'], modes: MODES, accessToken: '', vendorPaths: ['/enterprises/'] },
  { source: 'okta', env: { OKTA_API_TOKEN: OKTA_TOKEN }, config: (url) => `{ base_url: "${url}" }`, failAt: ['api'], modes: MODES, accessToken: '' },
  { source: 'google-workspace', env: { GOOGLE_SERVICE_ACCOUNT_KEY: GOOGLE_KEY }, config: (url) => `{ subject: admin@test.example, base_url: "${url}", token_url: "${url}/token" }`, failAt: ['token', 'api'], modes: MODES, accessToken: OPAQUE_ACCESS },
  { source: 'microsoft-365', env: M365_ENV, config: (url) => `{ base_url: "${url}", token_url: "${url}/tenant/oauth2/v2.0/token" }`, failAt: ['token', 'api'], modes: MODES, accessToken: JWT_ACCESS },
  { source: 'slack', env: { SLACK_TOKEN }, config: (url) => `{ base_url: "${url}/api" }`, failAt: ['api'], modes: [...MODES, 'slack-error-200'], accessToken: '' },
  { source: 'zoom', env: ZOOM_ENV, config: (url) => `{ base_url: "${url}", token_url: "${url}/oauth/token" }`, failAt: ['token', 'api'], modes: MODES, accessToken: JWT_ACCESS },
];

const CSV_LICENSE = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;
const toolLicense = (source: string, config: string) => `id: tool\nname: Tool\nvendor: figma\ntype: subscription\nowner: ada\ntiers:\n  - { id: full, name: Full seat }\nusage: { source: ${source}, config: ${config} }\n`;

/** Every form a secret value can leak in, computed here independently of src/secrets. */
function leakForms(value: string): string[] {
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ];
  if (value.startsWith('{')) {
    const key = JSON.parse(value) as { private_key: string; private_key_id: string };
    forms.push(key.private_key, JSON.stringify(key.private_key).slice(1, -1), key.private_key_id, ...key.private_key.split('\n').filter((l) => l.length > 40));
  }
  return forms;
}

/** What must never show: every secret of the run in every form, the Basic pair, the signed assertion, the issued access token. */
function forbidden(env: Record<string, string>, fake: EchoFake, accessToken: string): string[] {
  const secrets = ['LAC_GITHUB_USAGE_TOKEN', 'GITHUB_TOKEN', 'OKTA_API_TOKEN', 'GOOGLE_SERVICE_ACCOUNT_KEY', 'M365_CLIENT_SECRET', 'SLACK_TOKEN', 'ZOOM_CLIENT_SECRET'];
  const out = secrets.flatMap((n) => (env[n] ? leakForms(env[n]) : []));
  if (env.ZOOM_CLIENT_SECRET) out.push(Buffer.from(`${env.ZOOM_CLIENT_ID}:${env.ZOOM_CLIENT_SECRET}`).toString('base64'));
  for (const r of fake.requests) {
    const assertion = new URLSearchParams(r.body).get('assertion');
    if (assertion) out.push(assertion, ...assertion.split('.').filter((part) => part.length > 20).slice(1));
  }
  if (accessToken) out.push(accessToken, ...accessToken.split('.').filter((part) => part.length > 20));
  return out;
}

/** The text of every file in the working tree (not .git) and of every commit pushed. */
function writtenText(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)}\n${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  out.push(execFileSync('git', ['--git-dir', remote.path, 'log', '--all', '-p', '--format=%B'], { encoding: 'utf8' }));
  return out;
}

describe('no secret reaches output, files or a pull request when a vendor echoes the request', () => {
  for (const c of CASES) {
    it(`${c.source}: ${c.modes.join(', ')}; failing at ${c.failAt.join(' and ')}`, async () => {
      const scenario = { mode: c.modes[0]!, failAt: c.failAt[0]!, accessToken: c.accessToken, ...(c.vendorPaths ? { vendorPaths: c.vendorPaths, forward: gh.fake.url } : {}) };
      const fake = await startEchoFake(scenario);
      fakes.push(fake);
      const repo = remote.clone({
        ...files({ 'inventory/licenses/figma.yaml': CSV_LICENSE, 'inventory/licenses/tool.yaml': toolLicense(c.source, c.config(fake.url)) }),
        'exports/figma.csv': 'Email,Last Seen\nada@test.example,2026-03-01\n',
      });
      repos.push(repo);
      const env = { ...gh.fake.env(), ...c.env, ...(c.vendorPaths ? { GITHUB_API_URL: fake.url } : {}) };
      for (const failAt of c.failAt) {
        for (const mode of c.modes) {
          Object.assign(scenario, { mode, failAt });
          fake.sent.length = 0;
          const r = await lac(['pull', '--all', '--publish', '--root', repo.dir, '--today', '2026-03-10'], { env });
          const what = `${c.source} ${mode} at ${failAt}`;
          expect(r.code, `${what}\n${r.stderr}`).toBe(1);
          expect(r.stderr, what).toMatch(/^tool: failed: /);
          expect(r.stderr, what).toMatch(mode === 'malformed-200' ? /malformed JSON from 127\.0\.0\.1:\d+ \// : mode === 'slack-error-200' ? /failed: \S+/ : new RegExp(`\\b${mode}\\b`));
          expect(r.stdout, what).toMatch(/published \(pull-request\)/);
          const bad = forbidden(env, fake, failAt === 'api' ? c.accessToken : '');
          // The fake really did echo secrets, so the checks below can fail.
          expect(bad.some((s) => fake.sent.some((b) => b.includes(s))), `${what}: the fake echoed no secret`).toBe(true);
          const pr = gh.fake.repo('acme/licenses');
          const places: [string, string][] = [
            ['stdout', r.stdout],
            ['stderr', r.stderr],
            ...writtenText(repo.dir).map((t): [string, string] => [`file ${t.split('\n')[0]}`, t]),
            ...pr.issues.map((i): [string, string] => [`PR #${i.number}`, `${i.title}\n${i.body ?? ''}`]),
            ...pr.comments.map((m): [string, string] => [`comment ${m.id}`, m.body]),
          ];
          for (const [place, text] of places) {
            const leaked = bad.filter((s) => text.includes(s));
            expect(leaked, `${what}: ${place} shows a secret`).toEqual([]);
          }
          expect(pr.issues.some((i) => i.body?.includes('**tool**')), `${what}: the PR lists the failure`).toBe(true);
        }
      }
      expect(fake.unexpected).toEqual([]);
    }, 120_000);
  }
});
