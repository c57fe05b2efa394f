// The ajv validators of every kind as a CommonJS module's source, compiled once by scripts/build.ts
// into dist/ (issue 16: compiling the schemas took about 0.3 s of CPU at every `lac check`).
import standaloneModule from 'ajv/dist/standalone/index.js';
import { newAjv } from './ajv.ts';
export { VALIDATORS_MODULE } from './validate.ts';
import { KIND_INFO, KINDS } from './schema/index.ts';

type Standalone = (ajv: ReturnType<typeof newAjv>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: Standalone }).default ?? standaloneModule) as unknown as Standalone;

/** The schemas of the record lists (the acceptors of record-check.ts are built from them), as plain JSON. */
export function recordSchemas(): Record<string, unknown> {
  return Object.fromEntries(KINDS.flatMap((k) => {
    const key = KIND_INFO[k].recordsKey;
    const schema = key && (KIND_INFO[k].schema as { properties?: Record<string, unknown> }).properties?.[key];
    return schema ? [[k, JSON.parse(JSON.stringify(schema)) as unknown]] : [];
  }));
}

/**
 * Source of a module exporting one validate function per kind, as `createValidators` compiles them,
 * and `recordSchemas`: a built lac loads neither TypeBox nor ajv's compiler.
 */
export function validatorsModuleSource(): string {
  const ajv = newAjv(true);
  for (const kind of KINDS) ajv.addSchema(KIND_INFO[kind].schema, kind);
  return `${standaloneCode(ajv, Object.fromEntries(KINDS.map((k) => [k, k])))}\nexports.recordSchemas = ${JSON.stringify(recordSchemas())};\n`;
}
