// ajv as lac configures it: loaded only to compile schemas (the build, and runs from the sources);
// a built lac validates with the precompiled module (validators-module.ts).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** ajv as lac uses it (JSON Schema 2020-12, every error reported); `source` keeps the code for a standalone module. */
export function newAjv(source = false): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, strictTypes: false, ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  return ajv;
}
