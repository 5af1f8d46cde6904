// Long work in the main process (exporting many records, rebuilding the search index) is done in
// steps, and between steps it lets everything else waiting on the event loop run first: the
// server answers other requests, the window stays responsive.

/** Resolves after the event loop has run whatever was waiting (I/O callbacks included). */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
