import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files, LICENSE } from '../support/inventory.ts';
import { OKTA_TOKEN, oktaUser, startOktaFake } from '../support/vendor-fakes/okta.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';

const dirs: string[] = [];
const fakes: VendorFake[] = [];
afterEach(async () => {
  dirs.splice(0).forEach(cleanup);
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const SECRET = 'xoxp-1111-2222-never-printed';

describe('the CLI writer redacts', () => {
  it('hides a secret of the environment in a user error', async () => {
    const r = await lac(['check', '--root', `/nonexistent/${SECRET}`], { env: { SLACK_TOKEN: SECRET } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'lac: --root /nonexistent/[redacted] is not a folder: pass the folder of the license repository\n' });
  });

  it('prints an internal error without its stack, and with --debug the stack, redacted both times', async () => {
    // An environment that fails when read stands in for any unexpected failure inside a command.
    const env = new Proxy({ SLACK_TOKEN: SECRET } as Record<string, string | undefined>, {
      get: (target, name) => {
        if (name === 'LAC_TODAY') throw new Error(`boom with ${SECRET}`);
        return target[name as string];
      },
    });
    const runWith = async (argv: string[]) => {
      let err = '';
      const code = await run(argv, { out: () => {}, err: (t) => void (err += t), env, cwd: '/', isTTY: false });
      return { code, err };
    };
    const plain = await runWith(['check']);
    expect(plain).toEqual({ code: 2, err: 'lac: internal error: boom with [redacted]\n  (run with --debug for details; please report it)\n' });
    const debug = await runWith(['--debug', 'check']);
    expect(debug.code).toBe(2);
    expect(debug.err).toMatch(/^lac: internal error: boom with \[redacted\]\nError: boom with \[redacted\]\n\s+at /);
    expect(debug.err).not.toContain(SECRET);
  });
});

describe('snapshots', () => {
  it('a vendor that echoes the token into account fields does not get it into the snapshot file', async () => {
    const fake = await startOktaFake({ users: [oktaUser('00u1', 'ada@test.example', 'ACTIVE', '2026-03-01T10:00:00.000Z', [`SSWS ${OKTA_TOKEN}`, OKTA_TOKEN])], pageSize: 10 });
    fakes.push(fake);
    const dir = tempRepo(files({ 'inventory/licenses/figma.yaml': `${LICENSE}usage: { source: okta, config: { base_url: "${fake.url}" } }\n` }));
    dirs.push(dir);
    const r = await lac(['pull', 'figma', '--root', dir], { env: { OKTA_API_TOKEN: OKTA_TOKEN } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const snapshot = readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8');
    expect(snapshot).toContain('{ account: ada@test.example, person: ada, email: ada@test.example, login: ada@test.example, name: "SSWS [redacted] [redacted]", status: active, last_active: 2026-03-01 }');
    expect(snapshot).not.toContain(OKTA_TOKEN);
  });
});
