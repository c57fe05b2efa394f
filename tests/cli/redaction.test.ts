import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.ts';
import { lac } from '../support/cli.ts';

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
