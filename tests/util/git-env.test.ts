import { afterEach, describe, expect, it } from 'vitest';
import { gitEnv } from '../../src/git/safe-env.ts';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('gitEnv', () => {
  it('drops what simple-git refuses (npm exports EDITOR to scripts) and keeps identities and extras', () => {
    Object.assign(process.env, { EDITOR: 'vi', visual: 'code', PAGER: 'less', GIT_SSH_COMMAND: 'ssh -x', GIT_AUTHOR_NAME: 'Ada', KEEP_ME: '1' });
    const env = gitEnv({ GIT_INDEX_FILE: '/tmp/index' });
    expect([env.EDITOR, env.visual, env.PAGER, env.GIT_SSH_COMMAND]).toEqual([undefined, undefined, undefined, undefined]);
    expect([env.GIT_AUTHOR_NAME, env.KEEP_ME, env.GIT_INDEX_FILE]).toEqual(['Ada', '1', '/tmp/index']);
  });
});
