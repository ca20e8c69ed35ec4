import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/contract';
import { generatedAsCustom } from './bank';
import { generatorName } from './format';

describe('generated questions in the renderer', () => {
  it('names the model that wrote one, without the engine prefix or prompt version', () => {
    expect(generatorName('llm:stories260k+question.v1')).toBe('stories260k');
    expect(generatorName('llm:qwen2.5-3b-instruct-q4_k_m+question.v2')).toBe(
      'qwen2.5-3b-instruct-q4_k_m',
    );
    expect(generatorName('something-else')).toBe('something-else');
  });

  it('copies one into a custom question that has the skill tag and follow-ups a pack needs', () => {
    const generated: Question = {
      id: 'gen-1',
      packId: 'generated-questions',
      source: 'generated',
      generatedBy: 'llm:m+question.v1',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'technical',
      difficulty: 3,
      category: 'sql',
      skills: [],
      content: 'How would you find the slowest query in a busy database?',
      idealAnswer: 'Turn on the slow query log, sort by total time and read the plan.',
      expectedKeywords: ['slow query log'],
      keywords: [{ term: 'slow query log', synonyms: [] }],
      rubric: { strong: 'Log, sort, plan.', adequate: 'Log.', weak: 'Guesses.' },
      followUps: [],
      timeLimitSeconds: 120,
    };
    const copy = generatedAsCustom(generated);
    expect(copy).not.toHaveProperty('id');
    expect(copy).toMatchObject({ content: generated.content, roleId: 'software-engineer' });
    expect(copy.skills).toEqual(['sql']);
    expect(copy.followUps.map((f) => f.when)).toEqual(['no-specific-example', 'too-short']);
    expect(generatedAsCustom({ ...generated, skills: ['databases'] }).skills).toEqual([
      'databases',
    ]);
  });
});
