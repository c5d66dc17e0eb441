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
};
