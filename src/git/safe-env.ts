// simple-git refuses to run when the environment it is given holds variables that make git run
// other programs (EDITOR, VISUAL, PAGER, PREFIX, SSH_ASKPASS, most GIT_*). npm exports EDITOR to
// every script it runs, so the process environment is filtered before it is handed over.
const UNSAFE = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

/** The process environment without what simple-git refuses, plus `extra` (identity, GIT_INDEX_FILE...). */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || UNSAFE.has(k.toUpperCase())) continue;
    if (k.toUpperCase().startsWith('GIT_') && !/^GIT_(AUTHOR|COMMITTER)_/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
