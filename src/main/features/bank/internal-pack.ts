import type { Kysely } from 'kysely';
import { PACK_FORMAT_VERSION } from '../../../shared/packs/pack-schema';
import type { DatabaseSchema } from '../../storage/schema';

/**
 * Makes sure a pack Rehearse keeps for its own questions exists (retired questions kept for
 * history, questions the LLM generated): a custom pack with no author, license or content hash.
 */
export async function ensureInternalPack(
  db: Kysely<DatabaseSchema>,
  pack: { readonly id: string; readonly name: string; readonly description: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('question_packs')
    .values({
      ...pack,
      author: '',
      license: '',
      source: 'custom',
      format_version: PACK_FORMAT_VERSION,
      content_hash: '',
      installed_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
