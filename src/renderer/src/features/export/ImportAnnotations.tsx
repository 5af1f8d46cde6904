import { useRef, useState, type JSX } from 'react';
import { fileTooLargeMessage } from '@shared/api/limits';
import type { RecordSummary } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Annotations from other tools (W3C Web Annotation JSON-LD, Hypothesis JSON), TEI editions and
 * Marginalia JSON files, re-anchored on the record's text.
 */
export function ImportAnnotations({
  records,
  onImported,
}: {
  records: RecordSummary[] | null;
  onImported(): void;
}): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const [recordId, setRecordId] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null);
  const { changed } = useAppState();

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const tooLarge = fileTooLargeMessage(file.size);
    if (tooLarge) {
      setOutcome({ kind: 'error', lines: [`Could not import ${file.name}: ${tooLarge}`] });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const report = await api.call('interop.importAnnotations', {
        file: { name: file.name, base64: toBase64(await file.arrayBuffer()) },
        ...(recordId ? { recordId } : {}),
      });
      const lines = report.records.map((r) => {
        const parts = [
          `${r.imported} annotation${r.imported === 1 ? '' : 's'} imported`,
          r.orphaned > 0 ? `${r.orphaned} need re-attaching` : null,
          r.skipped > 0 ? `${r.skipped} already there` : null,
        ].filter(Boolean);
        return `${r.created ? 'New record' : 'Into'} “${r.title}”: ${parts.join(', ')}.`;
      });
      setOutcome({ kind: 'info', lines: [`${report.format}:`, ...lines, ...report.warnings] });
      changed();
      onImported();
    } catch (error) {
      setOutcome({
        kind: 'error',
        lines: [`Could not import ${file.name}: ${errorMessage(error)}`],
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <fieldset className="export-import">
      <legend>Import annotations</legend>
      <p className="muted">
        W3C Web Annotation (JSON-LD), Hypothesis’ JSON export, TEI, or Marginalia JSON. Notes are
        placed on the record’s text again; a TEI or JSON file that carries its record brings it in.
      </p>
      <label className="field">
        <span>Onto the record</span>
        <select value={recordId} onChange={(e) => setRecordId(e.target.value)}>
          <option value="">Found from the file</option>
          {(records ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : 'Choose an annotation file…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,.xml,.tei,application/json,application/ld+json,application/xml"
        aria-label="Annotation file to import"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      {outcome && (
        <div
          className={outcome.kind === 'error' ? 'form-error' : 'export-outcome'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
