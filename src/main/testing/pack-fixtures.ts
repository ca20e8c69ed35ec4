import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../shared/packs/pack-schema';
import type { QuestionPack } from '../../shared/packs/pack-schema';

/** A valid pack with `count` questions for one role; ids are `<prefix>-<n>`. */
export function makePack(
  options: {
    id?: string;
    roleId?: string;
    prefix?: string;
    count?: number;
    withRole?: boolean;
  } = {},
): QuestionPack {
  const roleId = options.roleId ?? 'lab-technician';
  const prefix = options.prefix ?? 'lab';
  const levels = ['entry', 'intermediate', 'senior'] as const;
  const types = ['behavioral', 'technical', 'situational', 'role-specific', 'motivation'] as const;
  return {
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    pack: {
      id: options.id ?? 'career-centre-lab',
      name: 'Career centre: lab roles',
      author: 'Career centre',
    },
    roles:
      options.withRole === false
        ? []
        : [
            {
              id: roleId,
              title: 'Lab Technician',
              category: 'Science',
              description: 'Runs and maintains a laboratory.',
              skillTags: ['safety', 'sampling'],
            },
          ],
    questions: Array.from({ length: options.count ?? 6 }, (_, i) => ({
      id: `${prefix}-${i + 1}`,
      roleId,
      level: levels[i % 3]!,
      type: types[i % 5]!,
      difficulty: (i % 5) + 1,
      skills: ['safety'],
      content: `How do you keep sample ${i + 1} traceable from collection to report?`,
      idealAnswer:
        'I label every sample at collection with a barcode, log the chain of custody in the LIMS, and check the labels again before analysis so results reach the right report.',
      keywords: [
        { term: 'barcode', synonyms: ['label'] },
        { term: 'chain of custody', synonyms: [] },
      ],
      rubric: {
        strong: 'Names labelling, custody log and checks.',
        adequate: 'Names labelling.',
        weak: 'Vague.',
      },
      followUps: [
        { question: 'What happens when a label is missing?', when: 'missing-key-points' as const },
      ],
      timeLimitSeconds: 120,
    })),
  };
}
