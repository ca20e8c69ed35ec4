import { describe, expect, it } from 'vitest';
import { findDuplicate } from './question-generator';
import { extractSkills } from './skills';

describe('question de-duplication (lexical)', () => {
  const known = [
    'What is the difference between an INNER JOIN and a LEFT JOIN in SQL?',
    'Tell me about a time you disagreed with a teammate.',
  ];
  it('refuses a rewording of a known question and accepts a new one', () => {
    expect(
      findDuplicate('In SQL, what is the difference between a LEFT JOIN and an INNER JOIN?', known),
    ).toBe(known[0]);
    expect(findDuplicate('How do you choose an index for a slow SQL query?', known)).toBeNull();
  });
});

describe('skills from a job description', () => {
  it('finds known skills, most mentioned first, whole words only', () => {
    const text =
      'We need Python and SQL. You will write SQL daily, review code, and mentor juniors. Javascript is a plus.';
    expect(
      extractSkills(text, ['sql', 'python', 'java', 'javascript', 'code review', 'r']),
    ).toEqual(['sql', 'javascript', 'python']);
  });
});
