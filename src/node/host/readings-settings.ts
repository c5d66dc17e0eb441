// How long the console keeps raw sector readings before only their hourly buckets remain: from
// resources/settings/readings.json (or a file named by NAWA_READINGS_FILE), validated before use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueDetails } from '../../common/central-api';
import { ReadingLimits } from '../store/reading-cache';

export const DEFAULT_READINGS_FILE = fileURLToPath(
  new URL('../../../resources/settings/readings.json', import.meta.url),
);

/** Reads and checks the file; a bad file is an error naming the file and the fields, never a silent default. */
export function loadReadingLimits(path = process.env.NAWA_READINGS_FILE || DEFAULT_READINGS_FILE): ReadingLimits {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`readings settings ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { comment: _c, ...limits } = (raw ?? {}) as Record<string, unknown>;
  const parsed = ReadingLimits.safeParse(limits);
  if (!parsed.success) {
    throw new Error(
      `readings settings ${path}: ${issueDetails(parsed.error.issues)
        .map((d) => `${d.field}: ${d.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
