// The console page saved as a PDF: Electron's printToPDF of the sending page and its save dialog, handed to the
// logic in src/node/shell/pdf-save.ts (which checks the sender and the request, prints, asks, writes).
import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { savePagePdf } from '../src/node/shell/pdf-save';
import { PDF_CHANNEL } from './channels';

export function handlePdfSaves(ipcMain: IpcMain, documentsDir: string, log: (line: string) => void): () => void {
  ipcMain.handle(PDF_CHANNEL, (event, request: unknown) => {
    const contents = event.sender;
    const win = BrowserWindow.fromWebContents(contents);
    return savePagePdf(event.senderFrame?.url, contents, request, {
      dialog: {
        show: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
      },
      writeFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600 }),
      documentsDir,
      log,
    });
  });
  return () => ipcMain.removeHandler(PDF_CHANNEL);
}
