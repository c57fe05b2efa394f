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
    dependencies: { lac: o.toolSpec },
    // The `node` package brings Node 24 for `npm run` and `npx lac` on a person's machine, whatever
    // it has. The workflows get Node 24 from setup-node and skip it (see licenseWorkflow).
    devDependencies: { node: '^24' },
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

/** The install step of the package's workflows, as lac's own repository runs it. */
const INSTALL = /^( +- run: )npm ci$/gm;

/**
 * A workflow as a license repository runs it: the package's own, but installing with
 * `npm ci --omit=dev`, lac and what it needs without the `node` dev dependency (setup-node has
 * brought Node 24, and installing the node package again took about 7 s of every job's 19 s
 * install). The package's copies say `npm ci` because in lac's own repository the dev
 * dependencies build dist/. A workflow without the install line is this package's bug.
 */
export function licenseWorkflow(file: string, text: string): string {
  if (text.match(INSTALL) === null) throw new Error(`${file} has no \`- run: npm ci\` step to write as \`npm ci --omit=dev\``);
  return text.replace(INSTALL, '$1npm ci --omit=dev');
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
    ...LICENSE_WORKFLOWS.map((f) => ({ path: `.github/workflows/${f}`, content: licenseWorkflow(f, readFileSync(join(workflowDir, f), 'utf8')) })),
    ...ISSUE_FORMS.map((f) => ({ path: `.github/ISSUE_TEMPLATE/${f}`, content: readFileSync(join(o.packageRoot, '.github/ISSUE_TEMPLATE', f), 'utf8') })),
  ];
  return files;
}
