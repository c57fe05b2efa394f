// Issue 16: no process of lac outlives the command. The built CLI runs `site build` as the leader of its own
// process group; the helpers it starts (Astro's esbuild service, Pagefind's binary) are in that group, and
// once lac has exited none of them may be left, running or unreaped. Reads /proc/<pid>/stat (proc(5): the
// fifth field is the process group); the CI runs on Linux.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CLI } from '../support/cli.ts';
import { buildSiteFixture, TODAY } from './fixture.ts';

const fixture = buildSiteFixture();
const out = mkdtempSync(join(tmpdir(), 'lac-site-pgrp-'));
afterAll(() => {
  fixture.cleanup();
  rmSync(out, { recursive: true, force: true });
});

/** The processes of a group as "pid command state", from /proc. */
function groupMembers(pgrp: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(')');
    const [state, , group] = stat.slice(close + 2).split(' ');
    if (Number(group) === pgrp) found.push(`${entry} ${stat.slice(stat.indexOf('(') + 1, close)} ${state}`);
  }
  return found;
}

test('after `lac site build` exits, no process of its process group is left', async () => {
  const child = spawn(process.execPath, [CLI, 'site', 'build', '--out', out, '--today', TODAY], {
    cwd: fixture.repo.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  const pgrp = child.pid!;
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  // The helpers seen in the group while the build ran: the check below is not vacuous.
  const helpers = new Set<string>();
  const watch = setInterval(() => groupMembers(pgrp).forEach((m) => { if (!m.startsWith(`${pgrp} `)) helpers.add(m.split(' ')[1]!); }), 25);
  const timeout = setTimeout(() => process.kill(-pgrp, 'SIGKILL'), 150_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(watch);
  clearTimeout(timeout);
  // 'exit' comes once lac is reaped: whatever is left in its group now outlived it.
  const left = groupMembers(pgrp);
  if (left.length) process.kill(-pgrp, 'SIGKILL');
  expect(code, output).toBe(0);
  expect(left).toEqual([]);
  expect([...helpers].some((h) => /esbuild|pagefind/.test(h)), [...helpers].join(', ')).toBe(true);
}, 180_000);

test('rows of a view of a shared CSV are left out of the search index; a table with its own CSV is indexed', () => {
  // Runs on the site the test above built.
  const person = readFileSync(join(out, 'people', 'ada', 'index.html'), 'utf8');
  expect(person).toMatch(/<table data-table="person-ada-seats"[^>]*>.*?<tbody data-pagefind-ignore>/s);
  const license = readFileSync(join(out, 'licenses', 'figma', 'index.html'), 'utf8');
  expect(license).toMatch(/<table data-table="license-figma-seats"[^>]*>.*?<tbody data-pagefind-ignore>/s);
  expect(license).toMatch(/<table data-table="license-figma-tiers"[^>]*>.*?<tbody>/s);
  expect(license).not.toMatch(/<table data-table="license-figma-tiers"[^>]*>(?:(?!<\/table>).)*<tbody data-pagefind-ignore>/s);
  // The lines of an inventory file repeat its records, which have pages of their own.
  const source = readFileSync(join(out, 'source', 'inventory', 'assignments', 'figma.yaml', 'index.html'), 'utf8');
  expect(source).toMatch(/<ol class="source"[^>]*data-pagefind-ignore[^>]*>\s*<li id="L1">/s);
});
