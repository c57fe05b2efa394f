import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { KINDS, schemaFileName } from '../inventory/schema/index.ts';
import { schemaText } from '../inventory/schema/emit.ts';
import { SECRET_DOCS } from './secrets.ts';

export interface InitOptions {
  name: string;
  currency: string;
  timezone: string;
  /** The npm dependency spec of this tool in the new repository's package.json. */
  toolSpec: string;
  /** The tool's version (named in the README). */
  version: string;
  /** This package's root (where .github/workflows and templates/ are). */
  packageRoot: string;
}

export interface PlannedFile {
  path: string;
  content: string;
}

const FOLDERS = ['vendors', 'licenses', 'contracts', 'assignments', 'usage'];

/** The workflows a license repository runs (the package's own release workflow is not one of them). */
export const LICENSE_WORKFLOWS = ['check.yml', 'discover.yml', 'people.yml', 'reclaim.yml', 'renewals.yml', 'request.yml', 'site.yml', 'usage.yml'];

/** The issue forms a license repository offers (the license request form, read back by `lac request`). */
export const ISSUE_FORMS = ['license-request.yml'];

function packageJson(o: InitOptions): string {
  const slug = o.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'licenses';
  const pkg = {
    name: `${slug}-licenses`,
    private: true,
    type: 'module',
    description: `${o.name}'s software licenses, kept as code`,
    scripts: { check: 'lac check', report: 'lac report', renewals: 'lac renewals' },
    // The `node` package brings Node 24 for `npm run` and `npm test`, whatever the machine has.
    devDependencies: { lac: o.toolSpec, node: '^24' },
    allowScripts: { node: true, esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function orgYaml(o: InitOptions): string {
  return [
    '# yaml-language-server: $schema=../schemas/org.schema.json',
    `name: ${JSON.stringify(o.name)}`,
    `currency: ${o.currency}`,
    `timezone: ${o.timezone}`,
    'exchange_rates: {}',
    'departments: []',
    'policies:',
    '  reclaim: { inactive_days: 60, grace_days: 14, min_tenure_days: 30 }',
    '  renewal: { reminder_days: [90, 60, 30, 14, 7], decision_window_days: 90 }',
    '',
  ].join('\n');
}

/** Every file a new license repository starts with. Pure: nothing is written here. */
export function initPlan(o: InitOptions): PlannedFile[] {
  const readme = Handlebars.compile(readFileSync(join(o.packageRoot, 'templates/init/README.md.hbs'), 'utf8'), { noEscape: true });
  const workflowDir = join(o.packageRoot, '.github/workflows');
  const files: PlannedFile[] = [
    { path: 'package.json', content: packageJson(o) },
    { path: 'README.md', content: readme({ name: o.name, toolSpec: o.toolSpec, version: o.version, vendored: o.toolSpec.startsWith('file:'), secrets: SECRET_DOCS }) },
    { path: '.gitignore', content: 'node_modules/\n_site/\n.lac-cache/\n' },
    { path: 'inventory/org.yaml', content: orgYaml(o) },
    { path: 'inventory/people.yaml', content: '# yaml-language-server: $schema=../schemas/people.schema.json\npeople: []\n' },
    ...FOLDERS.map((f) => ({ path: `inventory/${f}/.gitkeep`, content: '' })),
    ...KINDS.map((k) => ({ path: `schemas/${schemaFileName(k)}`, content: schemaText(k) })),
    ...LICENSE_WORKFLOWS.map((f) => ({ path: `.github/workflows/${f}`, content: readFileSync(join(workflowDir, f), 'utf8') })),
    ...ISSUE_FORMS.map((f) => ({ path: `.github/ISSUE_TEMPLATE/${f}`, content: readFileSync(join(o.packageRoot, '.github/ISSUE_TEMPLATE', f), 'utf8') })),
  ];
  return files;
}
