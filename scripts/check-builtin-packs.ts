// Checks the built-in pack files (src/main/features/bank/packs/*.json), or the files given, against the
// pack schema and the bank's content rules. Usage: npx tsx scripts/check-builtin-packs.ts [FILE…]
import fs from 'node:fs';
import path from 'node:path';
import { contentStems } from '../src/main/engines/language/text';
import { questionPackSchema, type QuestionPack } from '../src/shared/packs/pack-schema';

const dir = path.resolve(import.meta.dirname, '../src/main/features/bank/packs');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f));

const problems: string[] = [];
const ids = new Map<string, string>();
let total = 0;
for (const file of files) {
  const name = path.basename(file);
  const parsed = questionPackSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      problems.push(`${name}: ${issue.path.join('.')}: ${issue.message}`);
    continue;
  }
  const pack: QuestionPack = parsed.data;
  const roleIds = new Set(pack.roles.map((r) => r.id));
  for (const q of pack.questions) {
    total++;
    const where = `${name}: ${q.id}`;
    if (ids.has(q.id)) problems.push(`${where}: id also used in ${ids.get(q.id)}`);
    ids.set(q.id, name);
    if (!roleIds.has(q.roleId))
      problems.push(`${where}: roleId ${q.roleId} is not a role of this pack`);
    const answer = new Set(contentStems(q.idealAnswer));
    for (const k of q.keywords) {
      const forms = [k.term, ...k.synonyms];
      const hit = forms.some((f) => {
        const stems = contentStems(f);
        return stems.length > 0 && stems.every((s) => answer.has(s));
      });
      if (!hit)
        problems.push(
          `${where}: keyword "${k.term}" (or a synonym) does not appear in the ideal answer`,
        );
    }
    const words = q.idealAnswer.split(/\s+/).length;
    if (words < 60 || words > 220)
      problems.push(`${where}: ideal answer has ${words} words (want 60–220)`);
    if (q.type === 'behavioral' && !/\d/.test(q.idealAnswer))
      problems.push(`${where}: behavioral ideal answer has no measurable result`);
  }
  for (const role of pack.roles) {
    for (const level of ['entry', 'intermediate', 'senior'] as const) {
      const qs = pack.questions.filter((q) => q.roleId === role.id && q.level === level);
      const count = (t: string) => qs.filter((q) => q.type === t).length;
      const want = {
        motivation: 2,
        behavioral: 3,
        technical: 2,
        situational: 2,
        'role-specific': 2,
      };
      for (const [t, n] of Object.entries(want)) {
        if (count(t) < n)
          problems.push(
            `${name}: ${role.id}/${level} has ${count(t)} ${t} questions (want ≥ ${n})`,
          );
      }
    }
  }
}
console.log(`${files.length} pack file(s), ${total} questions, ${problems.length} problem(s)`);
for (const p of problems) console.log(`- ${p}`);
process.exitCode = problems.length ? 1 : 0;
