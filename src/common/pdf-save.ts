// Saving the console's printed page as a PDF in the Electron shell (the situation report): what the renderer
// asks for and what it is told. In a browser (`nawa serve`) the browser's own print does it instead.
import { z } from 'zod';
import { SafeText } from './text-rules';

export const PdfSaveResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), path: z.string(), bytes: z.number().int().nonnegative() }),
  z.strictObject({ status: z.literal('cancelled') }),
  /** `reason` is a note in English for logs and the error line; the UI words the failure itself. */
  z.strictObject({ status: z.literal('failed'), reason: z.string() }),
]);
export type PdfSaveResult = z.infer<typeof PdfSaveResult>;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.pdf$/;

/** The file name the save dialog proposes, or null when the page asked for something that is not a plain name. */
export function safePdfName(raw: unknown): string | null {
  return typeof raw === 'string' && SAFE_NAME.test(raw) && !raw.includes('..') ? raw : null;
}

/** What the page asks for: the name the dialog proposes, and the dialog's title in the operator's language. */
export const PdfSaveRequest = z.strictObject({
  fileName: z.string().refine((n) => safePdfName(n) !== null, 'a plain file name ending in .pdf'),
  title: SafeText({ max: 120 }),
});
export type PdfSaveRequest = z.infer<typeof PdfSaveRequest>;

/** "laporan-situasi-2026-12-01_2026-12-02.pdf"; an open end of the period is "awal" / "kini". */
export function reportFileName(fromDay: string, toDay: string): string {
  const day = (d: string, open: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : open);
  return `laporan-situasi-${day(fromDay, 'awal')}_${day(toDay, 'kini')}.pdf`;
}
