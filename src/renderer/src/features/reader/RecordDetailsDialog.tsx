// The record-details editor: a scholar corrects the catalogue data and the archival citation.
import { useMemo, useState, type FormEvent, type JSX } from 'react';
import { ApiError } from '@shared/api/errors';
import { fullCitation, formatDate } from '@shared/citation';
import type { RecordMeta } from '@shared/model';
import {
  CITATION_PARTS,
  citationDrafts,
  detailsOf,
  emptyCitation,
  sameDetails,
  sourceLine,
  type CitationDraft,
  type CitationPartKey,
  type RecordDetails,
} from '@shared/record-details';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { useModal } from '../../components/use-modal';

const PART_LABELS: Record<CitationPartKey, string> = {
  archive: 'Archive',
  fond: 'Fond',
  opis: 'Opis',
  papka: 'Papka',
  delo: 'Delo',
  listy: 'List (sheets)',
};

const DATE_FORM = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const FIELD_LABELS: Record<string, string> = {
  title: 'The title',
  date: 'The date',
  type: 'The type',
  source: 'The archival citation',
  translator: 'The translator',
  contributor: 'Contributed by',
  rights: 'The rights',
  summary: 'The summary',
};

/** Why the details were refused, field by field in words ("The date is not a date …"). */
function refusal(failure: unknown): string {
  if (failure instanceof ApiError && failure.issues?.length) {
    return failure.issues
      .map((issue) => {
        const field = issue.path.replace(/^details\./, '');
        return `${FIELD_LABELS[field] ?? field} ${issue.message}.`;
      })
      .join(' ');
  }
  return errorMessage(failure);
}

interface Form {
  title: string;
  date: string;
  type: string;
  translator: string;
  contributor: string;
  rights: string;
  summary: string;
  citations: CitationDraft[];
}

function formOf(record: RecordMeta): Form {
  return {
    title: record.title,
    date: record.date ?? '',
    type: record.type ?? '',
    translator: record.translator ?? '',
    contributor: record.contributor ?? '',
    rights: record.rights ?? '',
    summary: record.summary ?? '',
    citations: citationDrafts(record.source),
  };
}

const orNull = (text: string): string | null => text.trim() || null;

/** The details the form describes, with the source line written back from its parts. */
function detailsFrom(record: RecordMeta, form: Form): RecordDetails {
  const translator = orNull(form.translator);
  const contributor = orNull(form.contributor);
  const creditsChanged = translator !== record.translator || contributor !== record.contributor;
  return {
    title: form.title.trim(),
    date: orNull(form.date),
    type: orNull(form.type),
    source: sourceLine(
      record.source,
      form.citations,
      creditsChanged ? { translator, contributor } : null,
    ),
    translator,
    contributor,
    rights: orNull(form.rights),
    summary: orNull(form.summary),
  };
}

/**
 * The record-details editor: title, date, type, the archival citation part by part (archive,
 * fond, opis, papka, delo, list; one set per archive cited), translator and contributor, rights
 * and summary, with the resulting citation shown as it will read. Saving is one step of the
 * app's history (Ctrl+Z undoes it); the header, the catalogue and every export follow.
 */
export function RecordDetailsDialog({
  record,
  onClose,
}: {
  record: RecordMeta;
  onClose(): void;
}): JSX.Element {
  const dialog = useModal();
  const { done, notify } = useAppState();
  const [form, setForm] = useState<Form>(() => formOf(record));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);

  const details = useMemo(() => detailsFrom(record, form), [record, form]);
  const dirty = !sameDetails(details, detailsOf(record));
  const dateProblem =
    form.date.trim() !== '' && !DATE_FORM.test(form.date.trim())
      ? 'Write the date as a year, YYYY-MM or YYYY-MM-DD (1951, 1951-06, 1951-06-30).'
      : null;
  const titleProblem = form.title.trim() === '' ? 'A record needs a title.' : null;

  const set = <K extends keyof Form>(key: K, value: Form[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));
  const setPart = (index: number, key: CitationPartKey | 'text', value: string): void =>
    setForm((f) => ({
      ...f,
      citations: f.citations.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    }));

  const close = (): void => {
    if (dirty && !discarding) {
      setDiscarding(true);
      return;
    }
    onClose();
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || titleProblem || dateProblem) return;
    if (!dirty) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = details;
      const result = await api.call('records.updateDetails', { id: record.id, details: next });
      done({
        label: `Edit the details of “${result.previous.title}”`,
        undo: async () =>
          void (await api.call('records.updateDetails', {
            id: record.id,
            details: result.previous,
          })),
        redo: async () =>
          void (await api.call('records.updateDetails', { id: record.id, details: next })),
      });
      notify({ kind: 'info', text: `Saved the details of “${next.title}”. Ctrl+Z undoes.` });
      onClose();
    } catch (failure) {
      setError(`The details were not saved. ${refusal(failure)}`);
      setBusy(false);
    }
  };

  const text = (
    key: 'title' | 'date' | 'type' | 'translator' | 'contributor',
    label: string,
    extra: { hint?: string | null; problem?: string | null; wide?: boolean } = {},
  ): JSX.Element => (
    <label className={extra.wide ? 'details-field details-wide' : 'details-field'}>
      <span>{label}</span>
      <input
        value={form[key]}
        aria-invalid={extra.problem ? true : undefined}
        aria-describedby={extra.problem ? `details-${key}-problem` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
      {extra.problem ? (
        <span id={`details-${key}-problem`} className="form-error">
          {extra.problem}
        </span>
      ) : (
        extra.hint && <span className="details-hint">{extra.hint}</span>
      )}
    </label>
  );

  return (
    <dialog
      ref={dialog}
      className="details-dialog"
      aria-labelledby="details-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <form onSubmit={(e) => void save(e)}>
        <h2 id="details-dialog-title" className="dialog-title">
          Record details
        </h2>
        <div className="details-grid">
          {text('title', 'Title', { problem: titleProblem, wide: true })}
          {text('date', 'Date', {
            problem: dateProblem,
            hint: form.date.trim() ? formatDate(form.date.trim()) : 'YYYY, YYYY-MM or YYYY-MM-DD',
          })}
          {text('type', 'Type')}
        </div>
        <fieldset className="details-citations">
          <legend>Archival citation</legend>
          {form.citations.length === 0 && <p className="details-hint">No archival citation yet.</p>}
          {form.citations.map((citation, index) => {
            const which = form.citations.length > 1 ? ` (citation ${index + 1})` : '';
            return (
              <div
                key={index}
                className="details-citation"
                role="group"
                aria-label={`Citation ${index + 1}`}
              >
                {citation.structured ? (
                  CITATION_PARTS.map((part) => (
                    <label key={part} className={`details-field details-part-${part}`}>
                      <span>{PART_LABELS[part]}</span>
                      <input
                        value={citation[part]}
                        aria-label={`${PART_LABELS[part]}${which}`}
                        onChange={(e) => setPart(index, part, e.target.value)}
                      />
                    </label>
                  ))
                ) : (
                  <label className="details-field details-as-cited">
                    <span>As cited</span>
                    <input
                      value={citation.text}
                      aria-label={`As cited${which}`}
                      onChange={(e) => setPart(index, 'text', e.target.value)}
                    />
                  </label>
                )}
                <button
                  type="button"
                  className="link-button danger details-remove"
                  onClick={() =>
                    set(
                      'citations',
                      form.citations.filter((_, i) => i !== index),
                    )
                  }
                >
                  Remove citation {index + 1}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="link-button"
            onClick={() => set('citations', [...form.citations, emptyCitation()])}
          >
            Add a citation
          </button>
        </fieldset>
        <div className="details-grid">
          {text('translator', 'Translator')}
          {text('contributor', 'Contributed by')}
          <label className="details-field details-wide">
            <span>Summary</span>
            <textarea
              rows={2}
              value={form.summary}
              onChange={(e) => set('summary', e.target.value)}
            />
          </label>
          <label className="details-field details-wide">
            <span>Rights</span>
            <textarea
              rows={2}
              value={form.rights}
              onChange={(e) => set('rights', e.target.value)}
            />
          </label>
        </div>
        <figure className="citation details-preview">
          <figcaption>Cited as</figcaption>
          <blockquote className="citation-text" aria-live="polite">
            {fullCitation({ ...record, ...details, title: details.title || record.title })}
          </blockquote>
        </figure>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {discarding && dirty && (
          <p className="form-error" role="alert">
            Your changes are not saved. Close without saving?{' '}
            <button type="button" className="link-button danger" onClick={onClose}>
              Discard changes
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setDiscarding(false)}>
              Keep editing
            </button>
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={busy || titleProblem !== null || dateProblem !== null}
          >
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
