// The release path: CHANGELOG.md in Keep a Changelog form, and release.yml's jobs, whose own scripts run here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changelogSection } from '../../scripts/changelog-section.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string; container?: string; steps: Step[] };
const release = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };

/** A step as the test names it: the action without its pinned SHA, or the step's name, or its script. */
const label = (s: Step) => s.uses?.replace(/@.*/, '') ?? s.name ?? s.run!.trim();
const step = (job: string, name: string) => release.jobs[job]!.steps.find((s) => s.name === name)!;

describe('CHANGELOG.md', () => {
  it('has a section for the version in package.json, or an Unreleased section for it', () => {
    expect(changelogSection(changelog, version) || changelogSection(changelog, 'Unreleased')).toBeTruthy();
  });

  it('keeps the Keep a Changelog form: Unreleased first, then dated versions newest first, with the standard kinds of change', () => {
    const versions = [...changelog.matchAll(/^## (.*)$/gm)].map((m) => m[1]!);
    expect(versions[0]).toBe('[Unreleased]');
    const released = versions.slice(1).map((v) => /^\[(\d+)\.(\d+)\.(\d+)\] - \d{4}-\d{2}-\d{2}$/.exec(v));
    expect(released.every((m) => m !== null), versions.join(', ')).toBe(true);
    const numbers = released.map((m) => m!.slice(1, 4).map(Number));
    const newestFirst = [...numbers].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(numbers).toEqual(newestFirst);
    const kinds = new Set([...changelog.matchAll(/^### (.*)$/gm)].map((m) => m[1]));
    expect([...kinds].filter((k) => !['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(k!))).toEqual([]);
  });

  it('gives a version\'s section without its heading, and nothing for a version it does not have', () => {
    const text = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- b\n\n## [1.0.0] - 2026-01-02\n\n### Fixed\n\n- a\n';
    expect(changelogSection(text, '1.0.0')).toBe('### Fixed\n\n- a');
    expect(changelogSection(text, 'Unreleased')).toBe('### Added\n\n- b');
    expect(changelogSection(text, '1.0')).toBeUndefined();
    expect(changelogSection(text, '1x0x0')).toBeUndefined();
  });
});

describe('release.yml', () => {
  it('runs on version tags: tests with chromium and shellcheck from Debian, then packs, publishes with provenance and creates the release', () => {
    expect(release.on.push.tags).toEqual(['v*']);
    const test = release.jobs.test!;
    expect(test.container).toMatch(/^debian:/);
    expect(test.steps.map(label)).toEqual([
      'Install git, chromium and shellcheck from Debian',
      'actions/checkout',
      'Let git work in the checkout (the container runs as root, the runner owns the folder)',
      'actions/setup-node',
      'npm ci',
      'npm test',
    ]);
    expect(step('test', 'Install git, chromium and shellcheck from Debian').run).toMatch(/apt-get install -y -qq ca-certificates git chromium shellcheck/);
    const publish = release.jobs.publish!;
    expect(publish.needs).toBe('test');
    expect(publish.steps.map(label)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci',
      'Check that the tag is the version in package.json',
      'Release notes from CHANGELOG.md',
      'Pack',
      'Publish to npm with provenance',
      'Create the GitHub release',
    ]);
    for (const job of [test, publish]) expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with!['node-version']).toBe(24);
    expect(publish.steps[1]!.with!['registry-url']).toBe('https://registry.npmjs.org');
    expect(step('publish', 'Pack').run).toBe('npm pkg set repository.type=git "repository.url=git+$REPOSITORY.git"\nnpm pack --pack-destination "$RUNNER_TEMP"\n');
    expect(step('publish', 'Pack').env).toEqual({ REPOSITORY: '${{ github.server_url }}/${{ github.repository }}' });
    expect(step('publish', 'Publish to npm with provenance')).toMatchObject({
      run: 'npm publish "$RUNNER_TEMP"/*.tgz --provenance --access public',
      env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' },
    });
    expect(step('publish', 'Create the GitHub release').run).toBe('gh release create "$TAG" "$RUNNER_TEMP"/*.tgz --verify-tag --title "$TAG" --notes-file "$RUNNER_TEMP/notes.md"');
  });
});

describe('release.yml\'s own scripts, run with bash as GitHub runs them', () => {
  const temps: string[] = [];
  afterEach(() => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true })));

  /** Runs one step's script in this checkout with the tag pushed and a fresh RUNNER_TEMP. */
  function runStep(name: string, tag: string) {
    const temp = mkdtempSync(join(tmpdir(), 'lac-release-'));
    temps.push(temp);
    const script = join(temp, 'step.sh');
    writeFileSync(script, step('publish', name).run!);
    const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: temp, RUNNER_TEMP: temp, TAG: tag };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: ROOT, env, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, temp };
  }

  it('accepts the tag of the package\'s version and writes that version\'s CHANGELOG section as the notes', () => {
    expect(runStep('Check that the tag is the version in package.json', `v${version}`)).toMatchObject({ code: 0, stdout: '' });
    const notes = runStep('Release notes from CHANGELOG.md', `v${version}`);
    expect(notes).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(notes.temp, 'notes.md'), 'utf8')).toBe(`${changelogSection(changelog, version)}\n`);
  });

  it('stops a tag that is not the package\'s version, or has no CHANGELOG section, before anything is published', () => {
    expect(runStep('Check that the tag is the version in package.json', 'v99.0.0')).toMatchObject({ code: 1, stdout: `::error::tag v99.0.0 does not match version ${version} in package.json\n` });
    expect(runStep('Release notes from CHANGELOG.md', 'v99.0.0')).toMatchObject({
      code: 1,
      stderr: 'CHANGELOG.md has no entries under "## [99.0.0]": move the Unreleased entries under that heading before tagging.\n',
    });
  });

  it('the Pack step names the repository the tag was built in, as npm provenance requires', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lac-release-pack-'));
    try {
      writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
      const first = step('publish', 'Pack').run!.split('\n')[0]!;
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', first], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, REPOSITORY: 'https://github.com/acme/lac' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/lac.git' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
