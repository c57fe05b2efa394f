// Validates requests and responses against GitHub's OpenAPI description. Operations are compiled
// lazily, the first time the fake serves them, and only the component schemas they reach.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { deref, type Json, type JsonObject, type OpenApiDoc, type SpecOperation } from './spec.ts';

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 keywords that JSON Schema does not know; `nullable` is rewritten, the others are dropped. */
const openApiOnly = new Set(['nullable', 'discriminator', 'example', 'examples', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly']);

class SchemaSet {
  readonly ajv: Ajv;
  private readonly registered = new Set<string>();
  private readonly doc: OpenApiDoc;
  constructor(doc: OpenApiDoc, coerce: boolean) {
    this.doc = doc;
    this.ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce, logger: false, validateFormats: true });
    addFormats(this.ajv);
  }

  private idFor(name: string): string {
    return `https://github-fake.test/${this.doc.name}/schemas/${encodeURIComponent(name)}`;
  }

  /** OpenAPI 3.0 schema -> JSON Schema: `nullable` becomes `anyOf [.., null]`; `$ref` siblings are ignored as 3.0 says. */
  convert(schema: Json): Json {
    if (Array.isArray(schema)) return schema.map((item) => this.convert(item));
    if (schema === null || typeof schema !== 'object') return schema;
    if (typeof schema.$ref === 'string') return { $ref: this.ref(schema.$ref) };
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (openApiOnly.has(key) || key.startsWith('x-')) continue;
      if ((key === 'properties' || key === 'patternProperties') && value && typeof value === 'object' && !Array.isArray(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, this.convert(sub)]));
      } else if (key === 'items' || key === 'additionalProperties' || key === 'not' || key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
        out[key] = this.convert(value);
      } else {
        out[key] = value;
      }
    }
    return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
  }

  private ref(ref: string): string {
    const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!match?.[1]) throw new Error(`github-fake: unsupported $ref ${ref}`);
    const name = match[1];
    const id = this.idFor(name);
    if (!this.registered.has(id)) {
      this.registered.add(id);
      const target = this.doc.components.schemas?.[name];
      if (!target) throw new Error(`github-fake: $ref to missing schema ${name}`);
      this.ajv.addSchema({ ...(this.convert(target) as JsonObject), $id: id });
    }
    return id;
  }

  compile(schema: Json): ValidateFunction {
    return this.ajv.compile(this.convert(schema) as JsonObject);
  }
}

const schemaSets = new Map<string, SchemaSet>();
function schemaSet(doc: OpenApiDoc, coerce: boolean): SchemaSet {
  const key = `${doc.name}:${coerce}`;
  let set = schemaSets.get(key);
  if (!set) schemaSets.set(key, (set = new SchemaSet(doc, coerce)));
  return set;
}

export interface RequestParts {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  hasBody: boolean;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** The request and response checks of one operation, compiled on first use. */
export class OperationValidator {
  readonly op: SpecOperation;
  private params?: { path: ValidateFunction; query: ValidateFunction };
  private body?: ValidateFunction | null;
  private readonly responses = new Map<number, ValidateFunction | null>();

  constructor(op: SpecOperation) {
    this.op = op;
  }

  private parameters(): JsonObject[] {
    const all = [...((this.op.pathItem.parameters as unknown as Json[]) ?? []), ...((this.op.operation.parameters as Json[]) ?? [])];
    return all.map((p) => deref(this.op.doc, p)).filter((p): p is JsonObject => p !== undefined);
  }

  /** Every problem with the request's path parameters, query and JSON body; empty when valid. */
  validateRequest(parts: RequestParts): string[] {
    const set = schemaSet(this.op.doc, true);
    if (!this.params) {
      const build = (location: string) => {
        const params = this.parameters().filter((p) => p.in === location);
        return set.ajv.compile(
          set.convert({
            type: 'object',
            properties: Object.fromEntries(params.map((p) => [String(p.name), p.schema ?? {}])),
            required: params.filter((p) => p.required === true).map((p) => String(p.name)),
            additionalProperties: false,
          }) as JsonObject,
        );
      };
      this.params = { path: build('path'), query: build('query') };
    }
    const errors: string[] = [];
    if (!this.params.path({ ...parts.pathParams })) errors.push(...describe(this.params.path.errors, 'path'));
    if (!this.params.query({ ...parts.query })) errors.push(...describe(this.params.query.errors, 'query'));
    if (this.body === undefined) {
      const requestBody = deref(this.op.doc, this.op.operation.requestBody);
      const schema = deref(this.op.doc, requestBody?.content)?.['application/json'];
      this.body = schema && typeof schema === 'object' && !Array.isArray(schema) && schema.schema ? schemaSet(this.op.doc, false).compile(schema.schema) : null;
    }
    const requestBody = deref(this.op.doc, this.op.operation.requestBody);
    if (parts.hasBody) {
      if (this.body === null) errors.push('body: this operation takes no JSON body');
      else if (!this.body(parts.body)) errors.push(...describe(this.body.errors, 'body'));
    } else if (requestBody?.required === true) {
      errors.push('body: a JSON body is required');
    }
    return errors;
  }

  /** Every problem with a response the fake is about to send; throws when the status is not one GitHub documents. */
  validateResponse(status: number, body: unknown): string[] {
    let validate = this.responses.get(status);
    if (validate === undefined) {
      const responses = this.op.operation.responses as JsonObject;
      const response = deref(this.op.doc, responses[String(status)]);
      if (!response) {
        // GitHub's description lists only some error statuses (a missing repository gives 404 everywhere).
        if (status >= 400) return [];
        return [`status ${status} is not a documented response of ${this.op.method} ${this.op.path}`];
      }
      const content = deref(this.op.doc, response.content);
      const media = content?.['application/json'] ?? content?.['application/scim+json'];
      const schema = media && typeof media === 'object' && !Array.isArray(media) ? media.schema : undefined;
      validate = schema ? schemaSet(this.op.doc, false).compile(schema) : null;
      this.responses.set(status, validate);
    }
    if (validate === null) return body === undefined || body === '' ? [] : [`status ${status} of ${this.op.method} ${this.op.path} has no body in GitHub's description`];
    return validate(body) ? [] : describe(validate.errors, 'response');
  }

  /** Whether GitHub documents this status for the operation (injected failures may use others). */
  documents(status: number): boolean {
    return (this.op.operation.responses as JsonObject)[String(status)] !== undefined;
  }
}
