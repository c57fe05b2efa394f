// `lac site build` and `lac site preview` as a user runs them: options, errors, GitHub Actions defaults.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerSite } from '../../src/cli/site.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { files } from '../support/inventory.ts';
import { lac, tempRepo } from '../support/cli.ts';
import { buildSiteFixture, TODAY } from './fixture.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
const tempOut = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lac-site-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('lac site', () => {
  test('--base must be a path', async () => {
    const r = await lac(['site', 'build', '--base', 'https://example.com/x'], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base https:\/\/example.com\/x is not a path/);
  });

  test('--out that holds something else is left alone', async () => {
    const root = tempRepo(files({ 'notes.txt': 'mine' }));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const r = await lac(['site', 'build', '--out', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty and holds no site lac built');
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
  });

  test('preview serves a built site on 127.0.0.1 under its base until interrupted', async () => {
    const out = tempOut();
    writeFileSync(join(out, 'index.html'), '<p>site</p>');
    let stdout = '';
    let listening = (_url: string) => {};
    const announced = new Promise<string>((resolve) => (listening = resolve));
    const io = {
      out: (t: string) => {
        stdout += t;
        const url = /http:\/\/127\.0\.0\.1:\d+\/repo\//.exec(stdout);
        if (url) listening(url[0]);
      },
      err: () => {},
      env: {},
      cwd: tmpdir(),
      isTTY: false,
    };
    const program = new Command('lac').exitOverride();
    registerSite(program, io);
    const running = program.parseAsync(['site', 'preview', '--out', out, '--base', '/repo/', '--port', '0'], { from: 'user' });
    const url = await Promise.race([announced, running.then(() => Promise.reject(new Error(`preview ended before it listened: ${stdout}`)))]);
    expect(await (await fetch(url)).text()).toBe('<p>site</p>');
    process.emit('SIGINT');
    await running;
    await expect(fetch(url)).rejects.toThrow();
  });

  test('preview says what to do when nothing was built', async () => {
    const r = await lac(['site', 'preview', '--out', join(tmpdir(), 'lac-no-such-site')], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `lac site build` first');
  });

  test('outside a git repository the site is built from the working tree and says so', async () => {
    const root = tempRepo(files());
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const out = tempOut();
    const r = await lac(['site', 'build', '--out', out, '--today', '2026-03-10'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built \d+ pages and \d+ downloads from the working tree \(not a git repository\) into .* \(base \/;/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('none (not a git repository)');
    expect(existsSync(join(out, 'source', 'inventory', 'org.yaml', 'index.html'))).toBe(true);
  });

  // Pagefind indexes in a child process (its binary in service mode): the build must stop it.
  test('the search index: pagefind/ beside the pages, every page but the search page in it, no Pagefind process left', async () => {
    const root = tempRepo(files());
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const out = tempOut();
    const r = await lac(['site', 'build', '--out', out, '--today', '2026-03-10'], { cwd: root });
    expect(r.code).toBe(0);
    const pages = Number(/^built (\d+) pages/.exec(r.stdout)![1]);
    expect(r.stdout).toContain(`search index of ${pages - 1} pages`);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en!.page_count).toBe(pages - 1);
    for (const f of ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind']) expect(existsSync(join(out, 'pagefind', f)), f).toBe(true);
    // The children of this process (the build ran in it), as `ps` lists them; an exited one (Z) is gone.
    const children = spawnSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
    const live = children.split('\n').filter((l) => /pagefind/.test(l) && !/^\s*\d+\s+Z/.test(l));
    expect(live).toEqual([]);
  });

  test('the same repository and SOURCE_DATE_EPOCH give the same bytes', async () => {
    const root = tempRepo(files());
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const [a, b] = [tempOut(), tempOut()];
    for (const out of [a, b, a]) {
      const r = await lac(['site', 'build', '--out', out, '--today', '2026-03-10'], { cwd: root, env: { SOURCE_DATE_EPOCH: '1784000000' } });
      expect(r.code).toBe(0);
    }
    const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(list(a)).toEqual(list(b));
    for (const f of list(a)) if (statSync(join(a, f)).isFile()) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(a, 'index.html'), 'utf8')).toContain('2026-07-14T03:33:20Z');
  });

  test('in GitHub Actions: base /<repository>/ and findings linked to the blob at the commit and line', async () => {
    const fixture = buildSiteFixture();
    cleanups.push(fixture.cleanup);
    const out = tempOut();
    const env = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/licenses' };
    const r = await lac(['site', 'build', '--out', out, '--today', TODAY], { cwd: fixture.repo.dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(base /licenses/;');
    const head = fixture.repo.git(['rev-parse', 'HEAD']).trim();
    const html = readFileSync(join(out, 'compliance', 'index.html'), 'utf8');
    expect(html).toContain(`href="https://github.com/acme/licenses/blob/${head}/inventory/assignments/slack.yaml#L5"`);
    const audit = readFileSync(join(out, 'audit', 'index.html'), 'utf8');
    expect(audit).toContain('href="/licenses/people/cy/"');
    expect(audit).toContain('href="https://github.com/acme/licenses/pull/6"');
    expect(audit).toContain(`href="https://github.com/acme/licenses/commit/${head}"`);
    expect(existsSync(join(out, 'source'))).toBe(false);
  });
});
