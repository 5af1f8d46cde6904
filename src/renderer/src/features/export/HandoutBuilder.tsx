// The handout builder: a teacher picks records and rows, the languages, which notes become
// footnotes, glossary and questions on or off, a title and instructions; sees the handout as it
// will print; and exports it to Word, PDF or HTML. Her choices (all but the records) are
// remembered in the library for next time.
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import {
  DEFAULT_HANDOUT_SETTINGS,
  type EditionDocument,
  type HandoutOptions,
  type HandoutRecordChoice,
  type HandoutSettings,
} from '@shared/edition';
import type { Category, RecordSummary } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { ExportProgress } from './ExportProgress';
import { HandoutPreview } from './HandoutPreview';
import { HandoutSettingsForm } from './HandoutSettingsForm';
import { RecordPicker } from './RecordPicker';
import { RowChooser } from './RowChooser';
import { useExportJob } from './use-export-job';
import '../../styles/export.css';

const PREVIEW_DELAY_MS = 300;

export interface HandoutBuilderProps {
  initialIds: string[];
  onClose(): void;
}

export function HandoutBuilder({ initialIds, onClose }: HandoutBuilderProps): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [choices, setChoices] = useState<HandoutRecordChoice[]>(
    initialIds.map((recordId) => ({ recordId, rows: null })),
  );
  const [settings, setSettings] = useState<HandoutSettings>(DEFAULT_HANDOUT_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [preview, setPreview] = useState<EditionDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useExportJob();
  const running = job.run.phase === 'running';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    let live = true;
    Promise.all([
      api.call('records.list', {}),
      api.call('categories.list', {}),
      api.call('export.handoutSettings', {}),
    ])
      .then(([list, cats, saved]) => {
        if (!live) return;
        setRecords(list);
        setCategories(cats);
        setSettings(saved);
        setSettingsLoaded(true);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  const handout = useMemo<HandoutOptions | null>(() => {
    if (choices.length === 0) return null;
    const { format: _format, ...rest } = settings;
    return { ...rest, records: choices };
  }, [choices, settings]);

  // The preview follows every change, a moment after the last one.
  useEffect(() => {
    if (!handout || !settingsLoaded) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .call('export.handoutPreview', { handout })
        .then((doc) => {
          if (!live) return;
          setPreview(doc);
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [handout, settingsLoaded]);

  // Remember the choices (not the records) for next time.
  useEffect(() => {
    if (!settingsLoaded) return;
    const timer = window.setTimeout(() => {
      api
        .call('export.saveHandoutSettings', { settings })
        .catch((e: unknown) => setError(errorMessage(e)));
    }, PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [settings, settingsLoaded]);

  const chooseRecords = (ids: string[]): void =>
    setChoices((current) =>
      ids.map(
        (recordId) => current.find((c) => c.recordId === recordId) ?? { recordId, rows: null },
      ),
    );

  const exportNow = (): void => {
    if (!handout) return;
    job.reset();
    void job.start({ recordIds: choices.map((c) => c.recordId), format: settings.format, handout });
  };

  const titleOf = (id: string): string => records?.find((r) => r.id === id)?.title ?? id;

  return (
    <dialog
      ref={dialog}
      className="export-dialog handout-dialog"
      aria-labelledby="handout-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      <h2 id="handout-dialog-title" className="dialog-title">
        Teaching handout
      </h2>
      <div className="handout-layout">
        <form
          className="handout-form"
          aria-label="Handout settings"
          onSubmit={(e) => e.preventDefault()}
        >
          <RecordPicker
            legend="Records"
            records={records}
            chosen={choices.map((c) => c.recordId)}
            onChange={chooseRecords}
          />
          {choices.map((choice) => (
            <RowChooser
              key={choice.recordId}
              recordId={choice.recordId}
              title={titleOf(choice.recordId)}
              rows={choice.rows}
              onChange={(rows) =>
                setChoices((current) =>
                  current.map((c) => (c.recordId === choice.recordId ? { ...c, rows } : c)),
                )
              }
            />
          ))}
          <HandoutSettingsForm
            settings={settings}
            categories={categories}
            onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
          />
        </form>
        <section className="handout-preview-pane" aria-label="Preview" tabIndex={0}>
          {preview && handout ? (
            <HandoutPreview doc={preview} categories={categories} />
          ) : (
            <p className="muted">
              {choices.length === 0
                ? 'Choose a record to see the handout.'
                : 'Preparing the preview…'}
            </p>
          )}
        </section>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ExportProgress run={job.run} onCancel={job.cancel} />
      <div className="dialog-actions">
        <span className="hint">Your choices are remembered.</span>
        <button type="button" className="button" onClick={onClose} disabled={running}>
          Close
        </button>
        <button
          type="button"
          className="button primary"
          onClick={exportNow}
          disabled={running || !handout}
        >
          {running ? 'Exporting…' : `Export handout (${settings.format.toUpperCase()})`}
        </button>
      </div>
    </dialog>
  );
}
