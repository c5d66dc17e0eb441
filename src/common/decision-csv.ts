// Decision log export to CSV: UTF-8 with a BOM (spreadsheets then read the text right), cells that a spreadsheet
// would run as formulas made inert, and a semicolon option for Indonesian spreadsheet settings.
export type CsvSeparator = ',' | ';';

export interface CsvDecision {
  seq: number | null;
  decidedAt: string;
  operatorId: string;
  consoleId: string;
  incidentId?: string;
  incidentTitle?: string;
  summary: string;
  rationale: string;
  action: string;
  supersedes?: string;
  hash: string | null;
  /** The wall layout live when it was decided, when the decision recorded it. */
  wallLayoutId?: string;
  wallLayout?: string;
  wallStateVersion?: number;
}

export const CSV_COLUMNS = [
  'seq',
  'decidedAt',
  'operatorId',
  'consoleId',
  'incidentId',
  'incidentTitle',
  'summary',
  'rationale',
  'action',
  'supersedes',
  'hash',
  'wallLayoutId',
  'wallLayout',
  'wallStateVersion',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: an apostrophe before what a spreadsheet would read as a formula, then quoted when it must be. */
export function csvCell(value: unknown, separator: CsvSeparator): string {
  let s =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(separator) || /["\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The whole file: BOM, a header row, one row per decision, CRLF line ends. */
export function decisionsCsv(decisions: readonly CsvDecision[], separator: CsvSeparator = ','): string {
  const rows = [CSV_COLUMNS.join(separator)];
  for (const d of decisions) rows.push(CSV_COLUMNS.map((c) => csvCell(d[c], separator)).join(separator));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
