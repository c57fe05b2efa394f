// Issue 12: a license repository whose own .git/config names programs (hooks, fsmonitor, filters,
// external diff, textconv, pager, gpg, upload/receive-pack, ssh, credentials) must not get them
// run by any lac command. Each program is a script that writes its name into a marker file.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/site/model/build.ts';
import { lac } from '../support/cli.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import type { TestRepo } from '../support/git.ts';
import { bareRemote } from '../support/remote.ts';
import { FIGMA_SEATS, modelFiles, ORG_WITH, TODAY } from '../reclaim/fixtures.ts';

// Every hook git knows (githooks(5)), so whichever git would run, it is there to be caught.
const HOOKS = [
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg',
  'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update', 'proc-receive', 'post-receive',
  'post-update', 'reference-transaction', 'push-to-checkout', 'pre-auto-gc', 'post-rewrite', 'sendemail-validate',
  'fsmonitor-watchman', 'post-index-change',
];

const SLACK_CSV_LICENSE = 'id: slack\nname: Slack\nvendor: slack\ntype: subscription\ntiers:\n  - { id: standard, name: Pro }\nusage:\n  source: csv\n  config: { path: exports/slack.csv, columns: { account: Email, last_active: Last Seen } }\n';
const SLACK_CSV = 'Email,Last Seen\nada@test.example,2026-03-08\nbob@test.example,2026-03-01\neve@test.example,2025-10-01\n';
const ATTRIBUTES = '*.yaml filter=clean diff=conv\n*.csv filter=proc diff=conv\n';

const remote = bareRemote();
// The push-to-main world has its own remote: its main is another history.
const pushRemote = bareRemote();
const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: remote.path }] });

/** Writes an executable script that records `name` (and passes its input through, as a filter must). */
function recorder(dir: string, marker: string, name: string, then = 'cat'): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho ${name} >> '${marker}'\n${then}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Sets every repository-configured program of `repo` to a recorder; returns the marker file. */
function arm(repo: TestRepo): string {
  const dir = join(repo.dir, '..', 'programs');
  const marker = join(repo.dir, '..', 'marker');
  mkdirSync(join(dir, 'hooks'), { recursive: true });
  for (const hook of HOOKS) recorder(join(dir, 'hooks'), marker, hook, 'exit 0');
  const prog = (name: string, then?: string) => recorder(dir, marker, name, then);
  const config: [string, string][] = [
    ['core.hooksPath', join(dir, 'hooks')],
    ['core.fsmonitor', prog('fsmonitor', 'exit 1')],
    ['core.pager', prog('pager')],
    ['core.sshCommand', prog('ssh', 'exit 1')],
    ['core.askPass', prog('askpass', 'exit 1')],
    ['credential.helper', `!${prog('credential', 'exit 0')}`],
    ['filter.clean.clean', prog('clean-filter')],
    ['filter.clean.smudge', prog('smudge-filter')],
    ['filter.clean.required', 'true'],
    ['filter.proc.process', prog('process-filter', 'exit 1')],
    ['diff.external', prog('external-diff', 'exit 0')],
    ['diff.conv.textconv', prog('textconv', 'cat "$1"')],
    ['gpg.program', prog('gpg', 'exit 1')],
    ['commit.gpgSign', 'true'],
    ['log.showSignature', 'true'],
    ['remote.origin.uploadpack', prog('upload-pack', 'exec git-upload-pack "$@"')],
    ['remote.origin.receivepack', prog('receive-pack', 'exec git-receive-pack "$@"')],
  ];
  for (const [key, value] of config) repo.git(['config', key, value]);
  return marker;
}

/** A clone on main with a history (a reclaim commit among it) and a feature branch, pushed to the bare remote; then armed. */
function world(extra: Record<string, string> = {}, to = remote): { repo: TestRepo; marker: string } {
  const repo = to.clone({ ...modelFiles({ 'inventory/licenses/slack.yaml': SLACK_CSV_LICENSE, ...extra }), 'exports/slack.csv': SLACK_CSV, '.gitattributes': ATTRIBUTES });
  repo.commit({ 'inventory/assignments/figma.yaml': `${FIGMA_SEATS}  - { person: eve, tier: viewer, since: 2026-03-02 }\n` }, { message: 'Eve gets a viewer seat', date: '2026-03-02T09:00:00Z' });
  repo.commit({ 'inventory/assignments/figma.yaml': FIGMA_SEATS }, { message: 'Reclaim an idle Figma seat\n\nLac-Reclaim: figma', date: '2026-03-04T09:00:00Z' });
  repo.git(['push', '-q', 'origin', 'main']);
  return { repo, marker: arm(repo) };
}

const ran = (marker: string) => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean) : []);

describe('a repository whose .git/config names programs', () => {
  let w: { repo: TestRepo; marker: string };
  beforeAll(() => {
    w = world();
  });
  afterAll(() => w.repo.cleanup());

  it('runs them when git is asked plainly (the trap is live)', () => {
    const people = join(w.repo.dir, 'inventory/people.yaml');
    const before = readFileSync(people, 'utf8');
    // Exit codes do not matter here (the process filter refuses to start when a racily clean
    // CSV is re-read); only what ran does.
    try {
      writeFileSync(people, `${before}# touched\n`);
      spawnSync('git', ['status', '--porcelain'], { cwd: w.repo.dir });
      spawnSync('git', ['diff', 'HEAD~1', '--', 'inventory'], { cwd: w.repo.dir });
      expect(ran(w.marker)).toEqual(expect.arrayContaining(['fsmonitor', 'clean-filter', 'external-diff']));
    } finally {
      writeFileSync(people, before);
      rmSync(w.marker, { force: true });
    }
  });

  // In this order, on one repository: the writes come after the reads, the site last.
  const runs: [args: string[], code: number][] = [
    [['check', '--at', '2026-03-03', '--today', TODAY], 1],
    [['check', '--at', 'HEAD~1', '--today', TODAY], 1],
    [['diff', '--today', TODAY], 0],
    [['diff', 'HEAD~2', 'HEAD', '--today', TODAY, '--format', 'md'], 0],
    [['history'], 0],
    [['history', '--format', 'json', '--no-cache'], 0],
    [['report', '--today', TODAY], 0],
    [['report', '--today', TODAY, '--at', 'HEAD~1'], 0],
    [['reclaim', '--dry-run', '--today', TODAY], 0],
    [['reclaim', '--open-pr', '--today', TODAY], 0],
    [['renewals', '--today', '2026-11-20', '--within', '60'], 0],
    [['renewals', '--open-prs', '--today', '2026-11-20', '--within', '60'], 0],
    [['pull', 'slack', '--publish', '--today', TODAY], 0],
    [['site', 'build', '--today', TODAY, '--out', 'SITE'], 0],
  ];

  it.each(runs)('lac %j (exit %i) runs none of them', async (args, code) => {
    const cwd = w.repo.dir;
    // A working-tree change for `lac diff` and the site's "uncommitted changes" note.
    writeFileSync(join(cwd, 'inventory/assignments/figma.yaml'), `${FIGMA_SEATS}  - { person: eve, tier: viewer, since: 2026-03-09 }\n`);
    const r = await lac(args.map((a) => (a === 'SITE' ? join(cwd, '..', 'site') : a)), { cwd, env: gh.fake.env() });
    expect(r.code, r.stderr + r.stdout).toBe(code);
    expect(ran(w.marker)).toEqual([]);
  });

  it('runs none of them in the site model; the writes above reached the remote', async () => {
    const site = await buildModel({ root: w.repo.dir, today: TODAY, env: {} });
    expect(site.model.provenance.dirty).toBe(true);
    expect(site.model.savings.seats).toBe(1);
    const branches = execFileSync('git', ['--git-dir', remote.path, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/lac/'], { encoding: 'utf8' });
    expect(branches.split('\n').filter(Boolean)).toEqual(['lac/reclaim/figma', 'lac/renewal/figma-2026', 'lac/renewal/slack-2026', 'lac/usage']);
    expect(ran(w.marker)).toEqual([]);
  });

  it('runs none of them when pull --publish pushes straight to main', async () => {
    const pushing = world({ 'inventory/org.yaml': ORG_WITH('github: { usage_updates: push }') }, pushRemote);
    try {
      const before = pushRemote.branchSha('main');
      const r = await lac(['pull', 'slack', '--publish', '--today', TODAY], { cwd: pushing.repo.dir, env: {} });
      expect(r.stdout).toContain('published (push): pushed');
      expect(pushRemote.branchSha('main')).not.toBe(before);
      expect(pushRemote.branchSha('main')).toBe(pushing.repo.git(['rev-parse', 'HEAD']).trim());
      expect(ran(pushing.marker)).toEqual([]);
      // The index now holds what was committed: nothing is staged against HEAD.
      expect(pushing.repo.git(['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', 'diff', '--cached', '--name-only', '--no-ext-diff'])).toBe('');
    } finally {
      pushing.repo.cleanup();
    }
  });
});
