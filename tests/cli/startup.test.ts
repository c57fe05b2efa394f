// Start-up (issue 16): `lac --version`, `--help` and a command's `--help` load commander and the
// command table only; each command's implementation loads when the command runs. Checked on the
// compiled dist/ (what the package ships) by recording every module the process loads, so the
// verdict does not depend on how fast the machine is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, tempRepo } from '../support/cli.ts';

const RECORDER = join(REPO_ROOT, 'tests/support/record-loads.ts');
const scratch = mkdtempSync(join(tmpdir(), 'lac-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The modules `lac ...args` loaded: packages by name, lac's own by their path under dist/. */
function loads(args: string[], cwd = REPO_ROOT): { code: number | null; packages: Set<string>; own: string[] } {
  const list = join(scratch, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LAC_TEST_LOADS: list }, encoding: 'utf8', timeout: 60_000 });
  const files = readFileSync(list, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  const packages = new Set(files.map((f) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p): p is string => p !== undefined));
  const own = files.filter((f) => !f.includes('/node_modules/')).map((f) => relative(REPO_ROOT, f)).filter((f) => f.startsWith('dist/'));
  return { code: r.status, packages, own };
}

/** What the command table needs to register every command: its files (not their actions/), and small modules of constants they show in help. */
const TABLE = [
  /^dist\/cli\/(?!at\.js$)[a-z-]+\.js$/,
  /^dist\/[a-z/]+\/formats\.js$/,
  /^dist\/(util\/escape\/terminal|util\/dates|util\/fs\/(atomic-write|leftovers|read-bounded)|git\/run|secrets\/(redact|env|forms)|analysis\/evidence\/types|analysis\/forecast\/months|init\/vendor-path)\.js$/,
];
const outsideTable = (own: string[]) => own.filter((f) => !TABLE.some((re) => re.test(f)));

describe('start-up', () => {
  it('lac --version loads commander and the command table, no command implementation and no other package', () => {
    const r = loads(['--version']);
    expect(r.code).toBe(0);
    expect([...r.packages]).toEqual(['commander']);
    expect(outsideTable(r.own)).toEqual([]);
    expect(r.own).toContain('dist/cli/program.js');
  });

  it('lac --help and lac check --help load no command implementation', () => {
    for (const args of [['--help'], ['check', '--help'], ['site', 'build', '--help'], ['import', 'snipe-it', '--help']]) {
      const r = loads(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect([...r.packages], args.join(' ')).toEqual(['commander']);
      expect(outsideTable(r.own), args.join(' ')).toEqual([]);
    }
  });

  it('a command loads its implementation when it runs (the recorder sees modules loaded late, by import and by require)', () => {
    const repo = tempRepo({ 'inventory/.keep': '' });
    try {
      const r = loads(['check', '--root', repo]);
      expect(r.code).toBe(1);
      // lac's own modules are ES modules (import), ajv is CommonJS (require).
      expect(r.own).toEqual(expect.arrayContaining(['dist/cli/actions/check.js', 'dist/check/run.js']));
      expect([...r.packages]).toEqual(expect.arrayContaining(['ajv']));
      expect(r.own.filter((f) => f.startsWith('dist/cli/actions/'))).toEqual(['dist/cli/actions/check.js']);
      // The yaml package loads only for a file the scanners cannot read (parse/yaml-document.ts).
      expect([...r.packages]).not.toContain('yaml');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('the yaml package loads when a file needs it, by require', () => {
    const repo = tempRepo({ 'inventory/vendors/acme.yaml': 'id: acme\nname: >-\n  Acme\n  Corp\n' });
    try {
      const r = loads(['check', '--root', repo]);
      expect(r.code).not.toBeNull();
      expect([...r.packages]).toContain('yaml');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('lac diff starts its worker thread before the command line loads, and serves its reads after', () => {
    const repo = tempRepo({ 'inventory/.keep': '' });
    try {
      for (const args of [['init', '-q', '-b', 'main'], ['-c', 'user.name=T', '-c', 'user.email=t@t.example', 'commit', '-q', '--allow-empty', '-m', 'x']]) spawnSync('git', args, { cwd: repo });
      const r = loads(['diff', 'main', 'main', '--root', repo]);
      expect(r.code).toBe(0);
      const at = (f: string) => r.own.indexOf(f);
      // The worker is started from diff-thread.js, loaded before commander's program; the diff itself is computed in the worker.
      expect(at('dist/cli/actions/diff-thread.js')).toBeGreaterThan(-1);
      expect(at('dist/cli/actions/diff-thread.js')).toBeLessThan(at('dist/cli/program.js'));
      expect(at('dist/diff/read-server.js')).toBeGreaterThan(at('dist/cli/actions/diff.js'));
      expect(r.own).not.toContain('dist/cli/actions/diff-compute.js');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
