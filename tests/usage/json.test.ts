import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonConnector } from '../../src/usage/json/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { context, rejection, expectFitsSnapshot } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lac-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : `\uFEFF${JSON.stringify(value, null, 2)}`);
  return file;
};
const pull = (config: Record<string, unknown>) => jsonConnector().pull(context(config, {}));

describe('json import', () => {
  it('reads nested records with dotted fields, nulls, strings for numbers and epoch ms', async () => {
    const file = write('miro.json', {
      data: {
        users: [
          { profile: { email: 'ada@example.com', name: 'Ada' }, license: 'full', lastActivityAt: '1763510400000', boards: '14' },
          { profile: { email: 'bob@example.com', name: null }, license: 'free', lastActivityAt: null, boards: 0 },
          { profile: { email: 'cy@example.com' }, license: 'full', lastActivityAt: 1700000000000 },
        ],
      },
    });
    const result = await pull({
      path: file,
      records: 'data.users',
      columns: { account: 'profile.email', name: 'profile.name', tier: 'license', last_active: 'lastActivityAt' },
      date_format: 'epoch_ms',
      tiers: { full: 'editor', free: 'viewer' },
      signals: { boards: 'boards' },
    });
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', name: 'Ada', tier: 'editor', last_active: '2025-11-19', signals: { boards: 14 } },
      { account: 'bob@example.com', tier: 'viewer', last_active: null, signals: { boards: 0 } },
      { account: 'cy@example.com', tier: 'editor', last_active: '2023-11-14' },
    ]);
    expectFitsSnapshot(result, 'json');
  });

  it('points at the line of a bad record inside a nested records path', async () => {
    const text = '{\n  "meta": {"note": "a [tricky] \\"string\\"", "n": [1, {"x": []}]},\n  "data": {"users": [\n    {"email": "a@x.com", "plan": "pro"},\n    {"email": "b@x.com",\n     "plan": "platinum"}\n  ]}\n}\n';
    const file = write('nested.json', text);
    const error = await rejection(pull({ path: file, records: 'data.users', columns: { account: 'email', tier: 'plan' }, tiers: { pro: 'pro' } }));
    expect(error.message).toBe(
      `${file}:5: record data.users[1]: tier value "platinum" (column "plan") is not in usage.config.tiers; add it, e.g. \`"platinum": <tier-id>\` (known: "pro")`,
    );
  });

  it('lists the top-level keys when the records path is wrong', async () => {
    const file = write('wrong.json', { members: [], total: 0 });
    const error = await rejection(pull({ path: file, columns: { account: 'email' } }));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe(`${file}: the document is not an array of records`);
    expect(error.hint).toBe('Set usage.config.records to the path of the array; the top-level keys are "members", "total".');
  });

  it('lists the fields found when a mapped field is in no record', async () => {
    const file = write('fields.json', [{ mail: 'a@x.com', seen: '2026-01-01' }]);
    const error = await rejection(pull({ path: file, columns: { account: 'email', last_active: 'seen' } }));
    expect(error.message).toBe(`${file}: no record has the field "email"; the fields found are "mail", "seen"`);
  });

  it('names the record of a bad date and the line of broken JSON', async () => {
    const file = write('date.json', [{ email: 'a@x.com', seen: '2026-01-01' }, { email: 'b@x.com', seen: 'yesterday' }]);
    const error = await rejection(pull({ path: file, columns: { account: 'email', last_active: 'seen' } }));
    // The file is pretty-printed: record [1] opens on line 6.
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: record \\[1\\]: "yesterday" in column "seen" is not a iso date`));
    const broken = write('broken.json', '[\n  {"email": "a@x.com"},\n  {"email": \n');
    const syntax = await rejection(pull({ path: broken, columns: { account: 'email' } }));
    expect(syntax.message).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: not valid JSON$`));
  });
});
