// Prints the CHANGELOG.md section of a version (`v1.2.3` or `1.2.3`): the notes the release workflow publishes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text under `## [version]` of a Keep a Changelog file, trimmed, or undefined when it has no such heading. */
export function changelogSection(text: string, version: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\](\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const next = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start + 1, next < 0 ? undefined : next).join('\n').trim();
}

if (import.meta.main) {
  const version = (process.argv[2] ?? '').replace(/^v/, '');
  const section = version ? changelogSection(readFileSync(join(import.meta.dirname, '..', 'CHANGELOG.md'), 'utf8'), version) : undefined;
  if (!section) {
    process.stderr.write(`CHANGELOG.md has no entries under "## [${version}]": move the Unreleased entries under that heading before tagging.\n`);
    process.exit(1);
  }
  process.stdout.write(`${section}\n`);
}
