import { useRef, useState, type JSX } from 'react';
import type { ImportReport } from '@shared/api/contract';
import { fileTooLargeMessage } from '@shared/api/limits';
import { api, errorMessage, isDesktop } from '../../api/client';
import { useAppState } from '../../app-state';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Imports records: the native dialog in the desktop app, a file input in the browser. Every file
 * gets an outcome: imported, skipped as already present, or failed with its reason.
 */
export function ImportButton({ onImported }: { onImported(ids: string[]): void }): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { notify, changed } = useAppState();

  const report = (result: ImportReport, tooLarge: { file: string; reason: string }[]): void => {
    const errors = [...tooLarge, ...result.errors];
    const imported = result.records.length;
    const parts = [
      imported > 0 &&
        `Imported ${imported === 1 ? `“${result.records[0]!.title}”` : `${imported} records`}.`,
      result.skipped.length > 0 &&
        `${result.skipped.length === 1 ? 'One file was' : `${result.skipped.length} files were`} already in the library.`,
    ].filter(Boolean);
    if (parts.length > 0) notify({ kind: 'info', text: parts.join(' ') });
    if (errors.length > 0) {
      notify({
        kind: 'error',
        text:
          errors.length === 1
            ? `Could not import ${errors[0]!.file}: ${errors[0]!.reason}`
            : `${errors.length} files could not be imported; nothing from them was saved.`,
        details: errors.length === 1 ? undefined : errors.map((e) => `${e.file}: ${e.reason}`),
      });
    }
    changed();
    const opened = result.records.map((r) => r.id);
    if (opened.length === 0 && result.skipped.length > 0)
      opened.push(result.skipped[0]!.existingId);
    if (opened.length > 0) onImported(opened);
  };

  const importFiles = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      // Refuse oversized files before reading them into memory.
      const tooLarge = files.flatMap((f) => {
        const reason = fileTooLargeMessage(f.size);
        return reason ? [{ file: f.name, reason }] : [];
      });
      const readable = files.filter((f) => fileTooLargeMessage(f.size) === null);
      const payload = await Promise.all(
        readable.map(async (f) => ({ name: f.name, base64: toBase64(await f.arrayBuffer()) })),
      );
      const result =
        payload.length > 0
          ? await api.call('records.import', { files: payload })
          : { records: [], skipped: [], errors: [] };
      report(result, tooLarge);
    } catch (error) {
      notify({ kind: 'error', text: `Import failed: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const onClick = async (): Promise<void> => {
    if (!isDesktop()) {
      input.current?.click();
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('records.importFromDialog', {});
      if (result) report(result, []);
    } catch (error) {
      notify({ kind: 'error', text: `Import failed: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button primary"
        onClick={() => void onClick()}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? 'Importing…' : 'Import'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".txt,.text,.md,text/plain,text/markdown"
        aria-label="Import record files"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => void importFiles([...(e.target.files ?? [])])}
      />
    </>
  );
}
