import { describe, expect, it } from 'vitest';
import { extractSkills } from './skills';

describe('skills from a job description', () => {
  it('finds known skills, most mentioned first, whole words only', () => {
    const text =
      'We need Python and SQL. You will write SQL daily, review code, and mentor juniors. Javascript is a plus.';
    expect(
      extractSkills(text, ['sql', 'python', 'java', 'javascript', 'code review', 'r']),
    ).toEqual(['sql', 'javascript', 'python']);
  });
});
