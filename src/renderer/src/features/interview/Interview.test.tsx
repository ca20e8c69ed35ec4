// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentQuestion, Profile, SessionState } from '../../../../shared/contract';
import { ApiProvider } from '../../api/context';
import { ApiError } from '../../api/client';
import { createFakeApi, type FakeHandlers } from '../../testing/fake-api';
import { Interview } from './Interview';

afterEach(cleanup);

const profile: Profile = {
  id: 'p1',
  name: 'Ada',
  targetRoleId: null,
  skills: [],
  level: 'entry',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function question(position: number, content: string): CurrentQuestion {
  return {
    id: `q${position + 1}`,
    position,
    content,
    type: 'behavioral',
    category: 'Teamwork',
    timeLimitSeconds: 120,
    startedAt: new Date().toISOString(),
    draft: '',
  };
}

const QUESTIONS = [
  question(0, 'Tell me about a time you disagreed with a colleague.'),
  question(1, 'Describe a project you are proud of.'),
  question(2, 'How do you handle a missed deadline?'),
];

function session(answered: number, status: SessionState['status'] = 'active'): SessionState {
  return {
    id: 's1',
    status,
    roleId: 'role1',
    roleTitle: 'Software developer',
    level: 'entry',
    totalQuestions: QUESTIONS.length,
    answeredCount: answered,
    currentQuestion: QUESTIONS[answered] ?? null,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    completedAt: null,
    overallScore: null,
    plan: {
      requested: 3,
      fromBank: 3,
      generated: 0,
      generation: 'not-needed',
      note: null,
      jobId: null,
      jobDescription: '',
      jobSkills: [],
    },
  };
}

/** Services that hold one interview and move it on with each answer or skip. */
function interviewServices(overrides: FakeHandlers = {}) {
  let answered = 0;
  return createFakeApi({
    'interviews.get': () => session(answered),
    'interviews.start': () => session(answered),
    'interviews.saveDraft': () => ({ savedAt: new Date().toISOString() }),
    'interviews.answer': () => ({
      answerId: `a${++answered}`,
      jobId: 'j1',
      session: session(answered),
    }),
    'interviews.skip': () => session(++answered),
    'recording.recoverable': () => [],
    ...overrides,
  });
}

function open(api: ReturnType<typeof interviewServices>) {
  const navigate = vi.fn();
  render(
    <ApiProvider client={api}>
      <Interview profile={profile} sessionId="s1" initial={undefined} navigate={navigate} />
    </ApiProvider>,
  );
  return navigate;
}

const answerBox = () => screen.getByRole('textbox', { name: 'Your answer' });
const questionText = () => document.getElementById('question-text')?.textContent;

describe('Interview screen', () => {
  it('starts the session, shows the question, and submits the typed answer', async () => {
    const api = interviewServices();
    open(api);
    await screen.findByText(QUESTIONS[0]!.content);
    expect(api.calls.map((c) => c.name).slice(0, 2)).toEqual([
      'interviews.get',
      'interviews.start',
    ]);
    expect(screen.getByText('Question 1 of 3')).toBeTruthy();

    fireEvent.change(answerBox(), {
      target: { value: 'We talked it through and agreed on a test.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));

    await screen.findByText(QUESTIONS[1]!.content);
    expect(api.callsTo('interviews.answer')).toEqual([
      {
        profileId: 'p1',
        sessionId: 's1',
        questionId: 'q1',
        text: 'We talked it through and agreed on a test.',
      },
    ]);
    expect(screen.getByText('Question 2 of 3')).toBeTruthy();
    // The next question starts with an empty box.
    expect(answerBox()).toHaveProperty('value', '');
  });

  it('skips a question and shows the next one', async () => {
    const api = interviewServices();
    open(api);
    await screen.findByText(QUESTIONS[0]!.content);
    fireEvent.click(screen.getByRole('button', { name: 'Skip question' }));
    await screen.findByText(QUESTIONS[1]!.content);
    expect(api.callsTo('interviews.skip')).toEqual([
      { profileId: 'p1', sessionId: 's1', questionId: 'q1' },
    ]);
    expect(api.callsTo('interviews.answer')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Skip question' }));
    await screen.findByText(QUESTIONS[2]!.content);
    fireEvent.click(screen.getByRole('button', { name: 'Skip question' }));
    await screen.findByRole('heading', { name: 'All questions answered' });
    expect(api.callsTo('interviews.skip').map((c) => c.questionId)).toEqual(['q1', 'q2', 'q3']);
  });

  it('keeps the typed answer and says why when submitting fails', async () => {
    const api = interviewServices({
      'interviews.answer': () => {
        throw new ApiError('VALIDATION', 'the answer is empty: type an answer, or choose Skip');
      },
    });
    open(api);
    await screen.findByText(QUESTIONS[0]!.content);
    fireEvent.change(answerBox(), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The answer is empty');
    expect(questionText()).toBe(QUESTIONS[0]!.content);
    expect(answerBox()).toHaveProperty('value', '   ');
  });

  it('shows a reworded follow-up when the services say it changed', async () => {
    let wording = 'Why did you choose that approach?';
    const followUp = (): SessionState => ({
      ...session(1),
      currentQuestion: {
        ...question(1, wording),
        id: 'f1',
        followUp: {
          parentQuestionId: 'q1',
          depth: 1,
          trigger: 'no-measurable-result',
          engine: 'bank-rules@1',
        },
      },
    });
    const api = interviewServices({
      'interviews.get': followUp,
      'interviews.start': followUp,
    });
    open(api);
    await screen.findByText(wording);
    const gets = api.callsTo('interviews.get').length;

    wording = 'Why did you pick a test over a meeting?';
    // Another session's update changes nothing here.
    act(() => api.emit('followup.updated', { sessionId: 's2', followUpId: 'f9' }));
    expect(api.callsTo('interviews.get')).toHaveLength(gets);
    act(() => api.emit('followup.updated', { sessionId: 's1', followUpId: 'f1' }));
    await screen.findByText(wording);
    await waitFor(() => expect(api.callsTo('interviews.get')).toHaveLength(gets + 1));
  });
});
