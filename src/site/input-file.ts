// The file `lac site build` hands to the Astro project: one JSON value per line, arrays element by
// element, so that an organization whose data is larger than the longest string V8 can hold
// (about 512 MB) is written and read without ever being one string.
import { open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { SiteInput } from './types.ts';

type Line = [key: string, value: unknown] | [key: string, value: unknown, item: true];

function* lines(input: SiteInput): Generator<Line> {
  yield ['base', input.base];
  yield ['ics', input.ics];
  yield ['sources', input.sources === null ? null : {}];
  for (const [file, text] of Object.entries(input.sources ?? {})) yield ['sources', [file, text], true];
  for (const [key, value] of Object.entries(input.model)) {
    if (!Array.isArray(value)) {
      yield [`model.${key}`, value];
      continue;
    }
    yield [`model.${key}`, []];
    for (const item of value) yield [`model.${key}`, item, true];
  }
}

/** Writes the site input in chunks. */
export async function writeSiteInput(path: string, input: SiteInput): Promise<void> {
  const fh = await open(path, 'w');
  try {
    let chunk = '';
    for (const line of lines(input)) {
      chunk += `${JSON.stringify(line)}\n`;
      if (chunk.length > 1 << 22) {
        await fh.write(chunk);
        chunk = '';
      }
    }
    await fh.write(chunk);
  } finally {
    await fh.close();
  }
}

/** Reads what writeSiteInput wrote, line by line from one buffer. */
export function readSiteInput(path: string): SiteInput {
  const buf = readFileSync(path);
  const out: Record<string, unknown> = {};
  const model: Record<string, unknown> = {};
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    if (end > start) {
      const [key, value, item] = JSON.parse(buf.toString('utf8', start, end)) as Line;
      const [target, name] = key.startsWith('model.') ? [model, key.slice(6)] : [out, key];
      if (!item) target[name] = value;
      else if (name === 'sources') {
        const [file, text] = value as [string, string];
        (out.sources as Record<string, string>)[file] = text;
      } else (target[name] as unknown[]).push(value);
    }
    start = end + 1;
  }
  return { ...(out as Omit<SiteInput, 'model'>), model: model as unknown as SiteInput['model'] };
}
