import { AppError } from '../../platform/errors';
import { UsageError, type CliIo } from './cli-io';
import { bankCommand } from './bank';
import { modelsCommand } from './models';
import { practiceCommand } from './practice';
import { exportCommand, reportCommand } from './report';
import { scoreCommand } from './score';
import { askCommand, followUpCommand } from './llm-commands';
import { analyzeAudioCommand, transcribeCommand } from './speech';

const USAGE = `Usage: rehearse <command> [options]

Commands:
  practice --role ROLE --level LEVEL --answers FILE.json [--profile NAME] [--seed N] [--json]
      Runs a whole interview with typed answers (a JSON array of strings, one per question in
      order; null or "" skips that question) and prints the session id and its results.
  bank stats [--json]
      Counts by role, level and type, and questions missing an ideal answer, keywords or rubric.
  bank export --out FILE [--role ROLE]… [--pack PACK]…
      Writes questions (all, or those of the roles/packs given) as a question pack.
  bank import FILE [--replace] [--pin PIN] [--json]
      Adds a question pack (merge; --replace drops the pack's questions missing from FILE).
  bank validate FILE
      Checks a pack file without importing it.
  score --input FILE.jsonl [--output FILE.jsonl] [--grammar rules|harper|off]
      Scores answers ({"id","question","ideal_answer","answer"} per line; optional
      expected_keywords, type, role) and writes one evaluation per line. Bad lines get an error.
      Grammar: rules (default: dictionary spelling and pattern rules), harper (thorough, slower);
      REHEARSE_GRAMMAR sets the same for the app.
  ask --role ROLE --level LEVEL [--skills a,b] [--job-description FILE] [--profile NAME]
      [--model FILE.gguf] [--timeout S] [--json]
      One new interview question from the local LLM ("engine": "llm"), or the bank's best match
      ("engine": "bank") with the reason. A job description's skills are extracted by rule.
  follow-up --question Q --answer A [--type TYPE] [--keywords a,b] [--model FILE.gguf] [--json]
      Whether to follow up on the answer, about which gap, and the follow-up question.

The LLM is the --model file, else REHEARSE_LLM_MODEL, else the model manager's installed LLM
(see models below), else a .gguf dropped under <data>/models/llm/; with none, the bank and its
rules answer.

  models list [--json]
      The model list (sizes, licenses, memory), what is installed and active, and a recommendation.
  models import DIR [--kind KIND] [--json]
      Copies models found in DIR (a USB stick, a share) in; with --kind (llm, whisper, vad,
      embeddings) also files of that kind that are not in the list, after checking their format.
  models verify [--json]
      Re-hashes every installed model file and reports mismatches (exit code 1 if any).
  models download ID
      Downloads a model from the list (resumes a partial download).
  models delete ID
      Removes an installed model (or a partial download).
  report SESSION_ID --pdf OUT.pdf
      Writes an interview's PDF report: cover, score charts, every answer with its feedback.
  report --progress --from YYYY-MM-DD --to YYYY-MM-DD --pdf OUT.pdf [--profile NAME]
      Writes a progress report over those days (the only profile, or the one named).
  export --out FILE.zip [--profile NAME]
      Everything of one profile: JSON, CSV (sessions, answers, scores) and recordings.
  transcribe FILE.wav [--model PATH] [--vad PATH] [--language en] [--json]
      Transcribes a WAV on this machine with Whisper (ggml model from --model,
      REHEARSE_WHISPER_MODEL or <data dir>/models/whisper/); other rates/channels are converted.
  analyze-audio FILE.wav [--model PATH] [--vad PATH] [--fillers a,b] [--json]
      Delivery analytics: speaking time, pauses, pace, filler words, volume, pitch. Pace and
      fillers need a Whisper model; speech is found by the VAD model (REHEARSE_VAD_MODEL) or by energy.

Data lives in REHEARSE_DATA_DIR when set, otherwise in the OS app-data folder.
`;

/** Returns the exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'practice':
        return await practiceCommand(rest, io);
      case 'bank':
        return await bankCommand(rest, io);
      case 'score':
        return await scoreCommand(rest, io);
      case 'models':
        return await modelsCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'ask':
        return await askCommand(rest, io);
      case 'follow-up':
        return await followUpCommand(rest, io);
      case 'transcribe':
        return await transcribeCommand(rest, io);
      case 'analyze-audio':
        return await analyzeAudioCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(
      `rehearse: ${error instanceof AppError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
