// The Electron shell's "save as PDF" of the console page (the situation report, laid out by its print CSS):
// Chromium's own printing (webContents.printToPDF), a save dialog, the file written. Electron's objects come in
// as the narrow interfaces below, so this runs and is tested in plain Node; main/ only passes them in.
import { join } from 'node:path';
import { PdfSaveRequest, type PdfSaveResult } from '../../common/pdf-save';
import { isAppUrl } from './app-origin';

/** The part of Electron's PrintToPDFOptions used here. */
export interface PdfPrintOptions {
  printBackground: boolean;
  preferCSSPageSize: boolean;
  generateTaggedPDF: boolean;
  generateDocumentOutline: boolean;
}
/** The sending page's webContents. */
export interface PdfPrinter {
  printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
}
export interface PdfSaveDialog {
  /** Electron's dialog.showSaveDialog bound to the console window. */
  show(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}
export interface PdfSaveDeps {
  dialog: PdfSaveDialog;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Where the dialog starts (the user's documents folder). */
  documentsDir: string;
  log?: (line: string) => void;
}

/** The page size and margins come from the page's own @page rules, as in the browser's print. */
export const PDF_OPTIONS: PdfPrintOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/** Only the console page may print itself to a file (`senderUrl`: the sending frame's URL). */
export function mayPrint(senderUrl: string | null | undefined): boolean {
  if (!isAppUrl(senderUrl)) return false;
  return new URL(senderUrl!).pathname === '/';
}

export async function savePagePdf(
  senderUrl: string | null | undefined,
  page: PdfPrinter,
  request: unknown,
  deps: PdfSaveDeps,
): Promise<PdfSaveResult> {
  if (!mayPrint(senderUrl)) return { status: 'failed', reason: 'only the console page may save itself as a PDF' };
  const asked = PdfSaveRequest.safeParse(request);
  if (!asked.success)
    return { status: 'failed', reason: `bad request: ${asked.error.issues.map((i) => i.message).join('; ')}` };
  const { fileName: name, title } = asked.data;
  let pdf: Uint8Array;
  try {
    // Printed first: the dialog then saves what the operator saw when pressing the button.
    pdf = await page.printToPDF(PDF_OPTIONS);
  } catch (e) {
    return { status: 'failed', reason: `printing failed: ${(e as Error).message}` };
  }
  const choice = await deps.dialog.show({
    title,
    defaultPath: join(deps.documentsDir, name),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  const path = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
  try {
    await deps.writeFile(path, pdf);
  } catch (e) {
    return { status: 'failed', reason: `writing ${path} failed: ${(e as Error).message}` };
  }
  deps.log?.(`situation report saved: ${path} (${pdf.byteLength} bytes)`);
  return { status: 'saved', path, bytes: pdf.byteLength };
}
