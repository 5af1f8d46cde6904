// The export dialog: choose records and a format (every format Marginalia writes), follow the
// export's progress or cancel it, and import annotations from other tools.
import { useEffect, useState, type JSX } from 'react';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from '@shared/export-formats';
import type { RecordSummary } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { ExportProgress } from './ExportProgress';
import { ImportAnnotations } from './ImportAnnotations';
import { RecordPicker } from './RecordPicker';
import { useExportJob } from './use-export-job';
import '../../styles/export.css';
import { useModal } from '../../components/use-modal';

export interface ExportDialogProps {
  /** Records chosen when the dialog opens (the open record, from the reader). */
  initialIds: string[];
  onClose(): void;
}

export function ExportDialog({ initialIds, onClose }: ExportDialogProps): JSX.Element {
  const dialog = useModal();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>(initialIds);
  const [format, setFormat] = useState<ExportFormat>('md');
  const job = useExportJob();
  const running = job.run.phase === 'running';

  // Counted afresh after an import, which may bring notes or a whole record.
  const [listed, setListed] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .call('records.list', {})
      .then((list) => live && setRecords(list))
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [listed]);

  const exportNow = (): void => {
    job.reset();
    void job.start({ recordIds: chosen, format });
  };

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby="export-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      <h2 id="export-dialog-title" className="dialog-title">
        Export
      </h2>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      <div className="export-columns">
        <RecordPicker legend="Records" records={records} chosen={chosen} onChange={setChosen} />
        <fieldset className="export-formats">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((id) => {
            const info = EXPORT_FORMAT_INFO[id];
            return (
              <label key={id} className="export-format">
                <input
                  type="radio"
                  name="export-format"
                  value={id}
                  checked={format === id}
                  onChange={() => setFormat(id)}
                />
                <span>
                  <span className="export-format-label">{info.label}</span>{' '}
                  <span className="muted">.{info.extension}</span>
                  <span className="export-format-description">{info.description}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      </div>
      <ExportProgress run={job.run} onCancel={job.cancel} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={running}>
          Close
        </button>
        <button
          type="button"
          className="button primary"
          onClick={exportNow}
          disabled={running || chosen.length === 0}
        >
          {running
            ? 'Exporting…'
            : `Export ${chosen.length === 1 ? '1 record' : `${chosen.length} records`} as ${EXPORT_FORMAT_INFO[format].label}`}
        </button>
      </div>
      <ImportAnnotations records={records} onImported={() => setListed((n) => n + 1)} />
    </dialog>
  );
}
