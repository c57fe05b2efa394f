// GitHub's own OpenAPI description (from @octokit/openapi), loaded once per worker and only when needed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiDoc {
  name: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, JsonObject>>;
}

/** One operation of the description, with the document it came from (for `$ref` resolution). */
export interface SpecOperation {
  doc: OpenApiDoc;
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: Record<string, JsonObject>;
}

const docs = new Map<string, OpenApiDoc>();
const generated = path.join(path.dirname(createRequire(import.meta.url).resolve('@octokit/openapi/package.json')), 'generated');

function load(name: string): OpenApiDoc {
  let doc = docs.get(name);
  if (!doc) {
    const raw = JSON.parse(fs.readFileSync(path.join(generated, `${name}.json`), 'utf8')) as Omit<OpenApiDoc, 'name'>;
    doc = { name, paths: raw.paths, components: raw.components };
    docs.set(name, doc);
  }
  return doc;
}

/**
 * The operation `method path` as GitHub describes it. api.github.com first; enterprise-only
 * operations (e.g. consumed licenses) exist only in the GitHub Enterprise Cloud description.
 */
export function findOperation(method: string, pathTemplate: string): SpecOperation {
  for (const name of ['api.github.com', 'ghec']) {
    const doc = load(name);
    const pathItem = doc.paths[pathTemplate];
    const operation = pathItem?.[method.toLowerCase()];
    if (pathItem && operation) return { doc, method: method.toUpperCase(), path: pathTemplate, operation, pathItem };
  }
  throw new Error(`github-fake: ${method} ${pathTemplate} is not an operation in GitHub's OpenAPI description`);
}

/** Follows a local `$ref` (`#/components/<kind>/<name>`) until a non-reference object. */
export function deref(doc: OpenApiDoc, value: Json | undefined): JsonObject | undefined {
  let current = value;
  for (let hops = 0; hops < 10; hops++) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    const [, , kind, name] = ref.split('/');
    current = doc.components[kind ?? '']?.[name ?? ''];
  }
  throw new Error('github-fake: $ref chain too deep');
}
