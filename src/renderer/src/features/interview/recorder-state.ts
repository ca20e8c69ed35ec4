import type { RecordingInfo } from '../../../../shared/contract';

/** Below this level (dBFS) for a few seconds, the microphone is probably muted or too far away. */
const QUIET_DB = -55;
export const QUIET_SECONDS = 4;
const SAMPLE_RATE = 16000;

/**
 * idle → starting (opening the file, asking for the microphone) → recording → stopping (last
 * audio and video sent, file closed) → transcribing → idle once the final transcript arrives.
 * A recording saved by a crash goes straight from idle to transcribing when it is used. Any
 * failure to start, stop or recover returns to idle with a problem to show.
 */
export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'transcribing';

export interface RecorderState {
  readonly phase: RecorderPhase;
  /** What went wrong, in words for the candidate; null when nothing did. */
  readonly problem: string | null;
  /** Live words while speaking, then the final transcript. */
  readonly live: string;
  readonly levelDb: number;
  readonly seconds: number;
  /** How long the level has stayed below QUIET_DB, in seconds. */
  readonly quietFor: number;
  /** A recording of this question that a crash cut short, offered back. */
  readonly recoverable: RecordingInfo | null;
}

export type RecorderAction =
  | { type: 'start' }
  | { type: 'started' }
  | { type: 'chunk'; levelDb: number; samples: number }
  | { type: 'stop' }
  | { type: 'stopped' }
  | { type: 'recover' }
  | { type: 'transcript'; kind: 'partial' | 'final'; text: string }
  /** Start, stop or recovery failed: back to idle. */
  | { type: 'failed'; problem: string }
  /** Something went wrong that does not end the recording (a lost chunk, no camera). */
  | { type: 'problem'; problem: string }
  | { type: 'recoverable'; recording: RecordingInfo | null };

export const initialRecorderState: RecorderState = {
  phase: 'idle',
  problem: null,
  live: '',
  levelDb: -120,
  seconds: 0,
  quietFor: 0,
  recoverable: null,
};

/** The transitions; an action that does not apply to the current phase changes nothing. */
export function recorderReducer(state: RecorderState, action: RecorderAction): RecorderState {
  switch (action.type) {
    case 'start':
      if (state.phase !== 'idle') return state;
      return { ...state, phase: 'starting', problem: null, live: '', seconds: 0, quietFor: 0 };
    case 'started':
      return state.phase === 'starting' ? { ...state, phase: 'recording' } : state;
    case 'chunk': {
      // The microphone is live before the camera is: its first chunks count already.
      if (state.phase !== 'starting' && state.phase !== 'recording') return state;
      const duration = action.samples / SAMPLE_RATE;
      return {
        ...state,
        levelDb: action.levelDb,
        seconds: state.seconds + duration,
        quietFor: action.levelDb < QUIET_DB ? state.quietFor + duration : 0,
      };
    }
    case 'stop':
      return state.phase === 'recording' ? { ...state, phase: 'stopping' } : state;
    case 'stopped':
      return state.phase === 'stopping' ? { ...state, phase: 'transcribing' } : state;
    case 'recover':
      return state.phase === 'idle'
        ? { ...state, phase: 'transcribing', recoverable: null }
        : state;
    case 'transcript':
      if (action.kind === 'partial') return { ...state, live: action.text };
      return { ...state, live: action.text, phase: 'idle' };
    case 'failed':
      return { ...state, phase: 'idle', problem: action.problem };
    case 'problem':
      return { ...state, problem: action.problem };
    case 'recoverable':
      return { ...state, recoverable: action.recording };
  }
}

/** The recording's length as m:ss. */
export function formatRecorded(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

/** The level meter's fill, 0–100, from the chunk's dBFS. */
export function meterPercent(levelDb: number): number {
  return Math.max(0, Math.min(100, ((levelDb + 70) / 70) * 100));
}
