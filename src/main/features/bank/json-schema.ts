import { z } from 'zod';
import { PACK_FORMAT_VERSION, questionPackSchema } from '../../../shared/packs/pack-schema';

/**
 * The pack format as a JSON Schema (draft 2020-12), for editors and other tools. Generated from
 * the zod schema; rules a JSON Schema cannot say (no markup, unique ids) are checked on import.
 */
export function packJsonSchemaText(): string {
  const schema = z.toJSONSchema(questionPackSchema, { io: 'input', unrepresentable: 'any' });
  const document = {
    ...schema,
    $id: `https://rehearse.app/schemas/question-pack-v${PACK_FORMAT_VERSION}.json`,
    title: 'Rehearse question pack',
    description:
      'Interview questions for Rehearse. Text may not contain HTML or script markup; ids must be unique within a pack.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
