// Writes schemas/*.schema.json from the TypeBox definitions in src/inventory/schema (the source of truth).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, schemaFileName } from '../src/inventory/schema/kinds.ts';
import { schemaText } from '../src/inventory/schema/emit.ts';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const kind of KINDS) writeFileSync(join(dir, schemaFileName(kind)), schemaText(kind));
console.log(`wrote ${KINDS.length} schemas to schemas/`);
