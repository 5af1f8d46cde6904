// pdfjs-dist ships no types for its worker module; pdf.ts loads it into this thread and only
// hands it to pdfjs, so its shape does not matter here.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
