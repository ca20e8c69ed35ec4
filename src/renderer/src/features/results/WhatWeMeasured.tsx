import type { ReactNode } from 'react';
import type { AnswerResult } from '../../../../shared/contract';
import {
  STAR_PARTS,
  engineNames,
  flagLabel,
  issueTitle,
  phrase,
  usableIssues,
  specificityLabel,
  toneLabel,
  vocabularyLabel,
} from '../../lib/answer-analysis';
import { plural } from '../../lib/format';

/** Issues listed by name under the count; the rest are only counted. */
const MAX_LISTED_ISSUES = 8;

/** Observable measures of one scored answer, in plain words, closed by default. */
export function WhatWeMeasured({ answer }: { answer: AnswerResult }) {
  const { analysis, engine } = answer;
  const keyPoints = answer.keywordsFound.length + answer.keywordsMissing.length;
  const issues = analysis.grammarIssues;
  const grammarChecked =
    issues.length > 0 || (engine !== null && /(^|\+)(harper|rules-grammar)/i.test(engine));
  const fillers = Object.entries(analysis.fillers).filter(([, n]) => n > 0);
  const listed = usableIssues(answer.answerText, issues);
  return (
    <details className="measured">
      <summary>What we measured</summary>
      <dl className="measured__list">
        {keyPoints > 0 && (
          <Row term={answer.answerParts ? 'Parts of a strong answer' : 'Key points'}>
            {answer.keywordsFound.length} of {keyPoints} {answer.answerParts ? 'given' : 'covered'}{' '}
            (listed above)
          </Row>
        )}
        <Row term="Grammar and spelling">
          {!grammarChecked
            ? 'not checked for this answer'
            : issues.length === 0
              ? 'no issues found'
              : `${plural(issues.length, 'possible issue')}, underlined in your answer`}
          {grammarChecked && listed.length > 0 && (
            <ul className="measured__issues">
              {listed.slice(0, MAX_LISTED_ISSUES).map((issue, i) => (
                <li key={i}>
                  <q dir="auto">{answer.answerText.slice(issue.start, issue.end)}</q> —{' '}
                  {issueTitle(issue).split('\n')[0]}
                </li>
              ))}
              {listed.length > MAX_LISTED_ISSUES && (
                <li className="muted">and {listed.length - MAX_LISTED_ISSUES} more</li>
              )}
            </ul>
          )}
        </Row>
        <Row term="Filler words">
          {fillers.length === 0
            ? 'none found'
            : fillers.map(([word, n]) => `“${phrase(word)}” × ${n}`).join(', ')}
        </Row>
        <Row term="Hedges">
          {analysis.hedges.length === 0
            ? 'none found'
            : analysis.hedges.map((h) => `“${phrase(h)}”`).join(', ')}
        </Row>
        {analysis.specificity !== null && (
          <Row term="Specificity">{specificityLabel(analysis.specificity)}</Row>
        )}
        {analysis.vocabularyRichness !== null && (
          <Row term="Vocabulary">{vocabularyLabel(analysis.vocabularyRichness)}</Row>
        )}
        {answer.type === 'behavioral' && <Row term="STAR structure">{starText(analysis)}</Row>}
        {analysis.synonymsMatched.length > 0 && (
          <Row term="In other words">
            {analysis.synonymsMatched
              .map((s) => `“${s.word}” counted as “${s.idealWord}”`)
              .join(', ')}{' '}
            (synonyms of words in the ideal answer)
          </Row>
        )}
        {analysis.semanticCoverage !== null && (
          <Row term="Coverage">
            {Math.round(analysis.semanticCoverage * 100)}% — how much of the ideal answer&apos;s
            content your words match in meaning, word by word, beyond what an unrelated answer would
            match
          </Row>
        )}
        {analysis.semanticSimilarity !== null && (
          <Row term="Meaning">
            {Math.round(Math.max(0, Math.min(1, analysis.semanticSimilarity)) * 100)}% — closeness
            in meaning to the ideal answer, measured by the installed language model
          </Row>
        )}
        {analysis.sentiment !== null && (
          <Row term="Tone">tone of the wording: {toneLabel(analysis.sentiment)}</Row>
        )}
        {answer.delivery && <DeliveryRows delivery={answer.delivery} />}
        {analysis.flags.length > 0 && (
          <Row term="Notes">
            <ul className="measured__flags">
              {analysis.flags.map((f) => (
                <li key={f}>{flagLabel(f)}</li>
              ))}
            </ul>
          </Row>
        )}
        {engine !== null && (
          <Row term="Scored by">
            <span title={engine}>{engineNames(engine).join(', ')}</span>
          </Row>
        )}
      </dl>
    </details>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="measured__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function starText(analysis: AnswerResult['analysis']): string {
  const found = STAR_PARTS.filter((p) => analysis.starParts.includes(p));
  const missing = STAR_PARTS.filter((p) => !analysis.starParts.includes(p));
  if (missing.length === 0) return 'situation, task, action and result all found';
  if (found.length === 0) return 'no situation, task, action or result cues found';
  return `found: ${found.join(', ')} · not found: ${missing.join(', ')}`;
}

/** What was heard in a spoken answer: timing, pace, pauses, fillers, volume, pitch. */
function DeliveryRows({ delivery: d }: { delivery: NonNullable<AnswerResult['delivery']> }) {
  return (
    <>
      <Row term="Speaking time">
        {d.speakingSeconds} s of speech in {d.durationSeconds} s recorded
        {d.speechStartSeconds !== null && `, starting after ${d.speechStartSeconds} s`}
      </Row>
      {d.wordsPerMinute !== null && (
        <Row term="Pace">{d.wordsPerMinute} words per minute (a usual pace is about 130–160)</Row>
      )}
      <Row term="Pauses">
        {d.pauses.count === 0
          ? 'none longer than 2 s'
          : `${plural(d.pauses.count, 'pause')} longer than 2 s, longest ${d.pauses.longestSeconds} s`}
      </Row>
      {d.fillers && (
        <Row term="Spoken fillers">
          {d.fillers.perMinute} per minute (about 5 or fewer is the aim)
        </Row>
      )}
      {d.volume && (
        <Row term="Volume">
          {d.volume.consistent ? 'steady' : 'uneven'} (varied by {d.volume.spreadDb} dB)
        </Row>
      )}
      {d.pitch && (
        <Row term="Pitch">
          {d.pitch.monotone ? 'little variation' : 'varied'} ({d.pitch.spreadSemitones} semitones)
        </Row>
      )}
    </>
  );
}
