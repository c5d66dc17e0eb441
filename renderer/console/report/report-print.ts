// Printing the situation report with Chromium's own printing: in Electron the shell saves the console page as a
// PDF (webContents.printToPDF and a save dialog); in a browser (`nawa serve`) the browser's print dialog, where
// "Save as PDF" is one of the printers. Either way the page's print CSS lays it out.
import { PdfSaveResult, type PdfSaveRequest } from '../../../src/common/pdf-save';

export type PrintOutcome = PdfSaveResult | { status: 'printed' };

export async function printReport(request: PdfSaveRequest): Promise<PrintOutcome> {
  // Printed with the fonts it is shown in, not a fallback caught mid-load.
  await document.fonts.ready;
  const bridge = window.nawa;
  if (bridge?.savePdf) {
    const answer = PdfSaveResult.safeParse(await bridge.savePdf(request));
    return answer.success ? answer.data : { status: 'failed', reason: 'the shell answered something unexpected' };
  }
  window.print();
  return { status: 'printed' };
}
