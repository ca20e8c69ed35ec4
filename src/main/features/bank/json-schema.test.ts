import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchemaText } from './json-schema';

describe('resources/question-pack.schema.json', () => {
  it('is up to date with the zod schema (run scripts/write-pack-schema.ts after changing it)', () => {
    const file = path.resolve(
      import.meta.dirname,
      '../../../../resources/question-pack.schema.json',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(packJsonSchemaText());
    const schema = JSON.parse(packJsonSchemaText()) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'pack', 'questions']),
    );
  });
});
