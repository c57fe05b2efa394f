// Every text lac posts to GitHub, rendered from an inventory whose names, titles and fields carry
// HTML, mentions, images, links, newlines and pipes. No markdown parser is installed, so the
// rendered text is checked for the markup GitHub would act on (CommonMark 0.31 and GFM 0.29:
// raw HTML, autolinks, inline links and images, table rows; GitHub's @mentions).
import { describe, expect, it } from 'vitest';
import { reclaimPlan } from '../../../src/analysis/reclaim/plan.ts';
import { formatMarkdown } from '../../../src/diff/format.ts';
import { diffTrees } from '../../../src/diff/run.ts';
import { loadInventory } from '../../../src/inventory/load.ts';
import { memorySource } from '../../../src/inventory/memory-source.ts';
import { reclaimBody } from '../../../src/reclaim/body.ts';
import { closeComment, issueBody, overdueComment, reminderComment } from '../../../src/renewals/issue-body.ts';
import { planIssues } from '../../../src/renewals/issues.ts';
import { planRenewals } from '../../../src/renewals/plan.ts';
import { prBody } from '../../../src/renewals/prs.ts';
import { usageBody } from '../../../src/usage/publish.ts';
import { md, mdCode, mdText, mdTitle, mention } from '../../../src/util/escape/markdown.ts';
import { compileMarkdown } from '../../../src/util/escape/template.ts';
import { cleanup, lac, tempRepo } from '../../support/cli.ts';
import { FIGMA_USAGE, modelFiles, PEOPLE, TODAY } from '../../report/model.ts';
import { FIGMA_CONTRACT } from '../../renewals/helpers.ts';
import { ORG } from '../../support/inventory.ts';

const EVIL = '<img src=x onerror=alert(1)> @evil-org/admins ![x](http://evil.example/i.png) [y](https://evil.example) www.evil.example a|b';
// JSON strings are YAML double-quoted scalars: \n and \r in them are line breaks in the value.
const Q = (extra = '') => JSON.stringify(`${EVIL}${extra}`);

const HOSTILE = {
  'inventory/org.yaml': ORG.replace('name: Engineering', `name: ${Q('\n| x | y |')}`),
  'inventory/people.yaml': PEOPLE.replace('name: Cy Leaver', `name: ${Q('\n| injected | row |')}`).replace('name: Dee Idle', `name: ${Q('\r\nDee')}`),
  'inventory/vendors/figma.yaml': `id: figma\nname: ${Q('\nvendor')}\n`,
  'inventory/licenses/figma.yaml': `id: figma
name: ${Q('\n| x | y |')}
vendor: figma
type: subscription
owner: ada
admin_url: http://evil.example/admin
tiers:
  - { id: full, name: Full seat, rank: 2 }
  - { id: viewer, name: Viewer, rank: 1 }
`,
  'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT.replace('title: Figma Organization 2026', `title: ${Q('\n| injected | row |\n\n<script>alert(1)</script>')}`).replace('owner: ada', 'owner: dee'),
};

/** Mentions lac means to make: seat holders and owners with a GitHub login in the fixtures. */
const ALLOWED_MENTIONS = new Set(['ada-l', 'bob-b', 'dee-i']);

/** Code spans, as CommonMark finds them: a backtick run closed by a run of the same length. */
const withoutCode = (s: string) => s.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');

/** Asserts that GitHub would find no HTML, link, image, foreign mention or broken table row in `text`. */
function expectSafe(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  const prose = withoutCode(text)
    .replace(/<\/?sub>|<!-- lac:[^>]*-->/g, '')
    .replace(/^(\s*[-*] )\[[ x]\]/gm, '$1')
    .replace(/^> \[!(NOTE|WARNING|CAUTION)\]$/gm, '');
  expect(prose).not.toMatch(/<[A-Za-z!/?]/);
  expect(prose).not.toMatch(/(?<!\\)[[\]]/);
  expect(prose).not.toMatch(/:\/\/|www\./i);
  const mentions = [...prose.matchAll(/(?:^|[^A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._-]+)?)/g)].map((m) => m[1]);
  expect(mentions.filter((m) => !ALLOWED_MENTIONS.has(m!))).toEqual([]);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return;
    const cells = (l: string) => l.match(/(?<!\\)\|/g)!.length;
    const next = lines[i + 1];
    // A row is followed by a row with as many cells, or by a blank line that ends the table.
    if (next !== undefined && next !== '') {
      expect(next.startsWith('|'), `line after table row ${i + 1}: ${next}`).toBe(true);
      expect(cells(next), `row ${i + 2}: ${next}`).toBe(cells(line));
    }
  });
}

/** The escaped hostile text is shown, not dropped: people can still read what the data says. */
const SHOWN = '&lt;img src=x onerror=alert(1)&gt; @\u200bevil-org/admins \\!\\[x\\](http:\u200b//evil.example/i.png) \\[y\\](https:\u200b//evil.example) www\u200b.evil.example a&#124;b';

async function hostileInventory() {
  const loaded = await loadInventory(memorySource(modelFiles(HOSTILE)));
  expect(loaded.findings).toEqual([]);
  return loaded.inventory;
}

describe('markdown for GitHub from hostile data', () => {
  it('escapes data as text, code, titles and mentions', () => {
    expect(mdText(EVIL)).toBe(SHOWN);
    expect(mdText('a\nb\r\nc\u001b[2J\u0007d')).toBe('a b c\\[2Jd');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('12.50 EUR')).toBe('12.50 EUR');
    expect(mdText('a & b <b> *x* _y_ ~z~ #1 $x$ \\')).toBe('a &amp; b &lt;b&gt; \\*x\\* \\_y\\_ \\~z\\~ \\#1 \\$x\\$ \\\\');
    expect(mdCode('figma')).toBe('`figma`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('a&#124;b');
    expect(mdCode('a\nb')).toBe('`a b`');
    expect(mention('ada-l')).toBe('@ada-l');
    expect(mention('@acme/design-ops')).toBe('@acme/design-ops');
    expect(mention('x <img>')).toBe('x &lt;img&gt;');
    expect(mdTitle('Renew @org/team\nnow')).toBe('Renew @\u200borg/team now');
  });

  it('templates cannot insert data raw: every string of the view is escaped, lac markup passes as md()', () => {
    const render = compileMarkdown('{{a}} {{{a}}} {{#each list}}[{{this}}]{{/each}} {{#if empty}}x{{/if}}{{own}} {{n}}');
    expect(render({ a: '<b>', list: ['@x/y', md('@ada-l')], empty: md(''), own: md('**ok**'), n: 3 })).toBe('&lt;b&gt; &lt;b&gt; [@\u200bx/y][@ada-l] **ok** 3');
  });

  it('reclaim pull request body', async () => {
    const inv = await hostileInventory();
    const plan = reclaimPlan(inv, TODAY, { license: 'figma' }).licenses[0]!;
    expect(plan.candidates.map((c) => c.person)).toEqual(['cy', 'dee']);
    const body = reclaimBody({ plan, currency: 'EUR', opened: TODAY, graceUntil: '2026-03-24', adminUrl: inv.licenses.get('figma')!.data.admin_url });
    expectSafe(body);
    expect(body).toContain(SHOWN);
    expect(body).toContain('@dee-i: your seat is proposed above.');
    expect(body).toContain('(`http://evil.example/admin`)');
  });

  it('renewal issue, its comments and the renewal pull request', async () => {
    const inv = await hostileInventory();
    const r = planRenewals(inv, '2026-11-20').find((x) => x.id === 'figma-2026')!;
    const texts = [issueBody(r), reminderComment(r, 14), overdueComment(r), prBody(r), closeComment('renewed')];
    for (const t of texts) expectSafe(t);
    expect(texts[0]).toContain(`## ${SHOWN}`);
    expect(texts[0]).toContain('owner: @dee-i');
    const plan = planIssues({ inWindow: [r], all: [r], open: [], labels: [] });
    const title = plan.ensure[0]!.spec.title;
    expect(title).not.toMatch(/\n|@evil-org/);
    expect(title).toContain('@\u200bevil-org/admins');
  });

  it('lac diff --format md (the sticky comment and job summary)', async () => {
    const before = modelFiles();
    const after = modelFiles({ ...HOSTILE, 'inventory/usage/figma.yaml': FIGMA_USAGE });
    const result = await diffTrees(memorySource(before), memorySource(after), { base: 'main <b>@evil-org/x</b>', head: 'HEAD' }, TODAY);
    expect(result.events.length).toBeGreaterThan(2);
    const text = formatMarkdown(result);
    expectSafe(text);
    expect(text).toContain('&lt;script&gt;');
  });

  it('usage pull request body', () => {
    const outcome = { path: 'x', accounts: 1, matched: 1, unmatched: [], ambiguous: [], changed: true, written: true, warnings: [] };
    const text = usageBody([{ ...outcome, license: 'figma', ok: true }, { ...outcome, license: 'okta', ok: false, error: `${EVIL}\n| forged | row |` }], TODAY, `lac pull ${EVIL}`);
    expectSafe(text);
    expect(text).toContain(SHOWN);
  });

  it('job summaries: lac report and lac renewals --format md', async () => {
    const dir = tempRepo(modelFiles(HOSTILE));
    try {
      for (const args of [['report', '--format', 'md', '--today', TODAY], ['renewals', '--format', 'md', '--today', '2026-11-20', '--within', '60']]) {
        const r = await lac([...args, '--root', dir]);
        expect(r.stderr).toBe('');
        expectSafe(r.stdout);
        expect(r.stdout).toContain('&lt;img src=x');
      }
    } finally {
      cleanup(dir);
    }
  });
});
