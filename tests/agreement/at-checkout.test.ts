// Agreement (issue 11): `--at DATE` reads the inventory from git objects; the same figures and findings
// must come from a real checkout of the commit in force on that date (a clone in a temp folder).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/site/model/build.ts';
import { lac } from '../support/cli.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from '../site/fixture.ts';
import { reportView, siteView } from './views.ts';

let fixture: SiteFixture;
let scratch: string;
beforeAll(() => {
  fixture = buildSiteFixture();
  scratch = mkdtempSync(join(tmpdir(), 'lac-at-'));
});
afterAll(() => {
  fixture.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } }).trim();

/** A clone checked out at the last commit of a day (end of the day in the org's zone, Europe/Berlin). */
function checkoutOf(date: string): string {
  const sha = git(['rev-list', '-1', '--first-parent', `--before=${date}T23:59:59+02:00`, 'HEAD'], fixture.repo.dir);
  const dir = join(scratch, date);
  git(['clone', '-q', '--no-local', fixture.repo.dir, dir], scratch);
  git(['-c', 'advice.detachedHead=false', 'checkout', '-q', sha], dir);
  return dir;
}

describe('--at DATE equals a checkout of that date', () => {
  // Before and after a seat was added, a person left, a contract was renewed and a snapshot arrived.
  it.each(['2026-01-31', '2026-03-15', '2026-05-10', '2026-05-31', '2026-07-02'])('report and check on %s', async (date) => {
    const dir = checkoutOf(date);
    const at = await lac(['report', '--format', 'json', '--root', fixture.repo.dir, '--at', date]);
    const co = await lac(['report', '--format', 'json', '--root', dir, '--today', date]);
    expect(at.stderr).toBe('');
    expect(JSON.parse(at.stdout)).toEqual(JSON.parse(co.stdout));
    const atCheck = await lac(['check', '--format', 'json', '--root', fixture.repo.dir, '--at', date]);
    const coCheck = await lac(['check', '--format', 'json', '--root', dir, '--today', date]);
    expect([atCheck.code, atCheck.stdout]).toEqual([coCheck.code, coCheck.stdout]);
  });

  it("the site's month-end and fiscal-year-end pages equal `lac report --at` of their dates", async () => {
    const { model } = await buildModel({ root: fixture.repo.dir, today: TODAY, env: {} });
    expect(model.snapshots.length).toBeGreaterThan(3);
    for (const snap of model.snapshots) {
      const at = await lac(['report', '--format', 'json', '--root', fixture.repo.dir, '--at', snap.date]);
      expect(siteView(snap.licenses)).toEqual(reportView(JSON.parse(at.stdout)));
    }
  });
});
