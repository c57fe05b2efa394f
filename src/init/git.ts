import { gitSync } from '../git/run.ts';

/** True when `dir` lies inside a git working tree already (then `lac init` leaves git alone). */
export function insideGitRepo(dir: string): boolean {
  try {
    return gitSync(dir, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch {
    return false;
  }
}

/** `git init -b main`: the branch the workflows run on (site.yml deploys from main). */
export function gitInitMain(dir: string): void {
  gitSync(dir, ['init', '-q', '-b', 'main']);
}
