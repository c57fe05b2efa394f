import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.ts';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const program = buildProgram({ out: () => {}, err: () => {}, env: {}, cwd: '.', isTTY: false });

/** The README section of one command: from its heading to the next heading of the same level. */
function section(name: string): string | undefined {
  const start = readme.indexOf(`### \`lac ${name}\``);
  if (start === -1) return undefined;
  const next = readme.indexOf('\n### ', start + 1);
  const nextTop = readme.indexOf('\n## ', start + 1);
  const end = [next, nextTop].filter((i) => i !== -1).sort((a, b) => a - b)[0] ?? readme.length;
  return readme.slice(start, end);
}

describe('README', () => {
  it.each(program.commands.map((c) => c.name()))('documents `lac %s` with every one of its options', (name) => {
    const text = section(name);
    expect(text, `README has no "### \`lac ${name}\`" section`).toBeDefined();
    const command = program.commands.find((c) => c.name() === name)!;
    for (const option of command.options) expect(text, `lac ${name} ${option.long}`).toContain(option.long!);
  });

  it('gives the two commands that matter, and CI runs the test command as written', () => {
    expect(readme).toContain('```sh\nnpm ci && npm run demo\n```');
    expect(readme).toContain('```sh\nnpm ci && npm test\n```');
    expect(readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/\nnpm ci && npm test\n$/);
  });
});
