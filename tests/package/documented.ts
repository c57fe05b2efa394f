// The `npx lac ...` commands the docs tell users to run: the README's quick start, the README that
// `lac init` writes and the demo's closing lines; and whether a run covers one of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/program.ts';

export interface Invocation {
  /** The command path, e.g. "check" or "site build" ("" for `lac --version`). */
  command: string;
  flags: string[];
  /** Where the docs say it. */
  source: string;
}

const program = buildProgram({ out: () => {}, err: () => {}, env: {}, cwd: '.', isTTY: false });

/** Command path and long flags of an argument list. */
export function signature(args: string[]): { command: string; flags: string[] } {
  const [first, second] = args;
  const cmd = program.commands.find((c) => c.name() === first);
  const sub = cmd?.commands.find((c) => c.name() === second);
  const command = !cmd ? '' : sub ? `${first} ${second}` : first!;
  return { command, flags: args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]!) };
}

function found(text: string, source: string): Invocation[] {
  return [...text.matchAll(/npx lac((?: [^`\n|#]*)?)/g)].map((m) => ({ ...signature(m[1]!.trim().split(/\s+/).filter(Boolean)), source }));
}

/** Every `npx lac` command in the quick start, the init README and the demo's closing lines. */
export function documentedCommands(repoRoot: string, initReadme: string): Invocation[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
  const demo = ['src/demo/run.ts', 'src/demo/build.ts'].map((f) => readFileSync(join(repoRoot, f), 'utf8')).join('\n').replace(/\$\{[^}]*\}/g, '');
  return [...found(quickStart, 'README.md quick start'), ...found(initReadme, 'lac init README'), ...found(demo, 'demo')];
}

/** True when some run had the same command with at least the documented flags. */
export function covers(ran: string[][], doc: Invocation): boolean {
  return ran.some((args) => {
    const s = signature(args);
    return s.command === doc.command && doc.flags.every((f) => s.flags.includes(f));
  });
}
