// The license request form: its file has the shape GitHub documents, its labels are the ones
// `lac request` reads back, and the body GitHub renders from it parses into bounded values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRequestForm, REQUEST_FIELDS } from '../../src/request/form.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { issueFormProblems, renderIssueForm } from './issue-form.ts';

const FORM = parse(readFileSync(join(REPO_ROOT, '.github/ISSUE_TEMPLATE/license-request.yml'), 'utf8')) as { labels: string[]; body: Array<{ type: string; id?: string; attributes: { label?: string }; validations?: { required: boolean } }> };

describe('the license request issue form', () => {
  it('has the shape GitHub documents for issue forms and applies the license-request label', () => {
    expect(issueFormProblems(FORM)).toEqual([]);
    expect(FORM.labels).toEqual(['license-request']);
  });

  it('asks exactly the fields lac request reads, by the labels it reads, required where lac needs them', () => {
    const fields = FORM.body.filter((e) => e.type !== 'markdown').map((e) => ({ id: e.id, label: e.attributes.label, required: e.validations?.required ?? false }));
    expect(fields).toEqual(REQUEST_FIELDS.map((f) => ({ id: f.id, label: f.label, required: f.required })));
  });

  it.each([
    ['a missing name', (f: Record<string, unknown>) => delete f.name, 'name must be a non-empty string'],
    ['an unknown top-level key', (f: Record<string, unknown>) => (f.input = 'x'), 'input is not a permitted key'],
    ['an unknown element type', (f: { body: Array<Record<string, unknown>> }) => (f.body[1]!.type = 'text'), 'body[1].type must be one of markdown, input, textarea, dropdown, checkboxes'],
    ['a field without a label', (f: { body: Array<{ attributes: Record<string, unknown> }> }) => delete f.body[1]!.attributes.label, 'body[1].attributes.label is required'],
    ['two fields with one id', (f: { body: Array<Record<string, unknown>> }) => (f.body[2]!.id = 'person'), 'body[2].id person is not unique'],
    ['an id with a space', (f: { body: Array<Record<string, unknown>> }) => (f.body[1]!.id = 'the person'), 'body[1].id must contain only alphanumerics, - and _'],
    ['validations on markdown', (f: { body: Array<Record<string, unknown>> }) => (f.body[0]!.validations = { required: true }), 'body[0]: markdown takes no validations'],
    ['an attribute an input does not take', (f: { body: Array<{ attributes: Record<string, unknown> }> }) => (f.body[1]!.attributes.render = 'shell'), 'body[1].attributes.render is not permitted for input'],
  ])('the shape check catches %s', (_name, breakIt, problem) => {
    const form = structuredClone(FORM) as never;
    (breakIt as (f: never) => void)(form);
    expect(issueFormProblems(form)).toEqual([problem]);
  });
});

const ANSWERS: Array<[string, string | undefined]> = [['Person', 'eve@test.example'], ['License', 'figma'], ['Tier', 'full'], ['Why', 'Designs the onboarding.\n\nFrom April on.'], ['Needed from', undefined]];

describe('parseRequestForm', () => {
  it('reads each answer of the body GitHub renders; an optional field left empty is absent', () => {
    expect(parseRequestForm(renderIssueForm(ANSWERS))).toEqual({ values: { person: 'eve@test.example', license: 'figma', tier: 'full', reason: 'Designs the onboarding.\n\nFrom April on.' }, cut: [], problems: [] });
  });

  it('names each required field left empty, and a field given twice (the second is not read)', () => {
    const body = `${renderIssueForm([['Person', 'eve'], ['License', undefined], ['Tier', 'full'], ['Why', 'x']])}\n\n### Person\n\nada`;
    const r = parseRequestForm(body);
    expect(r.values.person).toBe('eve');
    expect(r.problems).toEqual([{ field: 'person', label: 'Person', problem: 'twice' }, { field: 'license', label: 'License', problem: 'missing' }]);
  });

  it('keeps a heading that is not a field as part of the answer, reads CRLF, and cuts long answers to their bound', () => {
    const body = renderIssueForm([['Person', 'eve'], ['License', 'figma'], ['Tier', 'full'], ['Why', `### Details\nx${'y'.repeat(100_000)}`]]).replace(/\n/g, '\r\n');
    const r = parseRequestForm(body);
    expect(r.values.reason).toHaveLength(1000);
    expect(r.values.reason!.startsWith('### Details\nxyy')).toBe(true);
    expect(r.cut).toEqual(['reason']);
    expect(r.values.tier).toBe('full');
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const r = parseRequestForm(renderIssueForm([['Why', `${'a'.repeat(999)}😀😀`]]));
    expect(r.values.reason).toBe('a'.repeat(999));
  });

  it('property: any answer without a form heading comes back trimmed and bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 1500 }), (person, reason) => {
        fc.pre(!/^###[ \t]/m.test(person) && !/^###[ \t]/m.test(reason));
        const r = parseRequestForm(renderIssueForm([['Person', person], ['Why', reason]]));
        const expected = (v: string, max: number) => {
          const t = v.replace(/\r\n?/g, '\n').trim();
          return t === '' || t === '_No response_' ? undefined : t.length > max ? t.slice(0, max) : t;
        };
        const want = expected(person, 200);
        expect(r.values.person === undefined ? undefined : r.values.person.length <= 200).toBe(want === undefined ? undefined : true);
        if (want !== undefined && !/[\ud800-\udbff]$/.test(want)) expect(r.values.person).toBe(want);
        expect((r.values.reason ?? '').length).toBeLessThanOrEqual(1000);
      }),
    );
  });
});
