// A record's notes written to a Markdown file in one click, as the button says.
import { useState, type JSX } from 'react';
import { api, errorMessage, isDesktop } from '../../api/client';
import { useAppState } from '../../app-state';
import { downloadFile } from './files';

/** Writes the record's notes as Markdown: a save dialog in the app, a download in the browser. */
export function ExportNotesButton({ recordId }: { recordId: string }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const { notify } = useAppState();
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      if (isDesktop()) {
        const saved = await api.call('export.notesToFile', { recordId, format: 'md' });
        if (saved) notify({ kind: 'info', text: `Notes exported to ${saved.path}` });
      } else {
        const file = await api.call('export.notes', { recordId, format: 'md' });
        downloadFile(file);
        notify({ kind: 'info', text: `Notes exported as “${file.fileName}”.` });
      }
    } catch (error) {
      notify({ kind: 'error', text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void run()}
      disabled={busy}
      title="Write this record's notes to a Markdown file (.md)"
    >
      {busy ? 'Exporting…' : 'Export notes (Markdown)'}
    </button>
  );
}
