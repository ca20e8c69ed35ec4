// Writes resources/question-pack.schema.json from the zod schema (the source of truth).
// Run after changing src/shared/packs/pack-schema.ts: npx tsx scripts/write-pack-schema.ts
import fs from 'node:fs';
import path from 'node:path';
import { packJsonSchemaText } from '../src/main/features/bank/json-schema';

const target = path.resolve(import.meta.dirname, '../resources/question-pack.schema.json');
fs.writeFileSync(target, packJsonSchemaText());
console.log(`wrote ${target}`);
