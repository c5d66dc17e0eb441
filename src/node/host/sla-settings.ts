// The SLA policy from resources/settings/sla.json (or a file named by NAWA_SLA_FILE), validated before use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueDetails } from '../../common/central-api';
import { SlaPolicy } from '../../common/sla';

export const DEFAULT_SLA_FILE = fileURLToPath(new URL('../../../resources/settings/sla.json', import.meta.url));

/** Reads and checks a policy file; a bad file is an error naming the file and the fields, never a silent default. */
export function loadSlaPolicy(path = process.env.NAWA_SLA_FILE || DEFAULT_SLA_FILE): SlaPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`SLA settings ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = SlaPolicy.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `SLA settings ${path}: ${issueDetails(parsed.error.issues)
        .map((d) => `${d.field}: ${d.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
