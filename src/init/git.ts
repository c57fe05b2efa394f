import { execFileSync } from 'node:child_process';

/** True when `dir` lies inside a git working tree already (then `lac init` leaves git alone). */
export function insideGitRepo(dir: string): boolean {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'true';
  } catch {
    return false;
  }
}

/** `git init -b main`: the branch the workflows run on (site.yml deploys from main). */
export function gitInitMain(dir: string): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
}
