// The IPC channel names of Nawa. What crosses the first two is the host contract (src/common/host-api.ts): a
// request name with its input, or an event name with its payload. The third is the shell's own: the console
// page asks to be saved as a PDF (src/common/pdf-save.ts), which only the main process can do.
export const REQUEST_CHANNEL = 'nawa:request';
export const EVENT_CHANNEL = 'nawa:event';
export const PDF_CHANNEL = 'nawa:save-pdf';
