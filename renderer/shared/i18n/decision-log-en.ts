// English for checking and exporting the decision log; spread into en.ts.
import type { decisionLogId } from './decision-log-id';

export const decisionLogEn: Record<keyof typeof decisionLogId, string> = {
  'chain.broken': 'Chain breaks at #{seq} ({reason}); verified to #{last}',
  'chain.brokenFirst': 'Chain breaks at #{seq} ({reason})',
  'chain.reason.order': 'seq out of order',
  'chain.reason.prevHash': 'prevHash does not match',
  'chain.reason.hash': 'hash does not match',
  'supersede.by': 'Corrected by: {summary}',
  'supersede.of': 'Correction of: {summary}',
  'export.title': 'Export the decision log',
  'export.from': 'From date',
  'export.to': 'To date',
  'export.semicolon': 'Semicolon separator (;) for Indonesian spreadsheet settings',
  'export.csv': 'Export CSV',
  'export.done': '{count} decisions exported',
  'export.report': 'Situation report (PDF)',
  'decision.wall': 'Wall: {name} (v{version})',
  'decision.wallNone': 'Wall: no layout (v{version})',
  'decision.correctionReason': 'Reason for the correction: {reason}',
  'correct.open': 'Correct',
  'correct.openLabel': 'Correct the decision: {summary}',
  'correct.title': 'Correct a decision',
  'correct.of': 'Correcting: {summary}',
  'correct.originalRationale': 'Original rationale: {rationale}',
  'correct.reason': 'Reason for the correction',
  'correct.reasonHint':
    'Required: what was wrong or has changed. Recorded and signed as the rationale of the correcting decision; the original stays in the log, struck through.',
  'correct.submit': 'Record the correction',
  'correct.cancel': 'Cancel',
  'correct.saved': 'Correction recorded.',
  'hostError.already_corrected': 'That decision was already corrected by “{summary}”; correct the newest one.',
};
