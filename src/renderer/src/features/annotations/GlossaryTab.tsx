import { useEffect, useState, type JSX } from 'react';
import type { GlossaryEntryView, GlossaryInconsistency, RecordDocument } from '@shared/model';
import { languageName } from '@shared/text/language';
import { api } from '../../api/client';
import { useAppState } from '../../app-state';
import { OccurrenceList } from './OccurrenceList';
import type { AnnotationTools } from './use-annotation-tools';

export interface GlossaryDraft {
  term: string;
  renderings: string;
  annotationId?: string;
}

/** The glossary: this record's terms with their occurrences, or the whole library's. */
export function GlossaryTab(props: {
  record: RecordDocument;
  tools: AnnotationTools;
  draft: GlossaryDraft | null;
  onDraftDone(): void;
}): JSX.Element {
  const { revision } = useAppState();
  const [scope, setScope] = useState<'record' | 'library'>('record');
  const [entries, setEntries] = useState<GlossaryEntryView[] | null>(null);
  const [issues, setIssues] = useState<GlossaryInconsistency[]>([]);
  const [form, setForm] = useState<GlossaryDraft>(props.draft ?? { term: '', renderings: '' });
  const [note, setNote] = useState('');
  const { actions, fail } = props.tools;

  useEffect(() => {
    let live = true;
    const recordId = scope === 'record' ? props.record.id : undefined;
    Promise.all([
      api.call('glossary.list', recordId ? { recordId } : {}),
      scope === 'library' ? api.call('glossary.inconsistencies', {}) : Promise.resolve([]),
    ])
      .then(([list, found]) => {
        if (!live) return;
        setEntries(list);
        setIssues(found);
      })
      .catch((error: unknown) => live && fail('Could not load the glossary', error));
    return () => {
      live = false;
    };
  }, [scope, props.record.id, revision, fail]);

  const add = async (): Promise<void> => {
    try {
      await actions.addGlossaryEntry({
        term: form.term,
        renderings: form.renderings
          .split(/[,;]/)
          .map((r) => r.trim())
          .filter(Boolean),
        note,
        recordId: props.record.id,
        ...(form.annotationId ? { annotationId: form.annotationId } : {}),
      });
      setForm({ term: '', renderings: '' });
      setNote('');
      props.onDraftDone();
    } catch (error) {
      fail('Could not add to the glossary', error);
    }
  };

  return (
    <div className="glossary-tab">
      <form
        className="inline-form"
        aria-label="New glossary entry"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span>Term ({languageName(props.record.original.lang)})</span>
          <input
            type="text"
            value={form.term}
            onChange={(e) => setForm({ ...form, term: e.target.value })}
            required
          />
        </label>
        <label className="field">
          <span>Rendering(s) ({languageName(props.record.translation.lang)}; comma between)</span>
          <input
            type="text"
            value={form.renderings}
            onChange={(e) => setForm({ ...form, renderings: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Note</span>
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button primary">
          Add to glossary
        </button>
      </form>
      <div className="scope-switch" role="group" aria-label="Glossary scope">
        <button
          type="button"
          className="button"
          aria-pressed={scope === 'record'}
          onClick={() => setScope('record')}
        >
          This record
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={scope === 'library'}
          onClick={() => setScope('library')}
        >
          Whole library
        </button>
      </div>
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted panel-empty">
          No glossary terms {scope === 'record' ? 'in this record' : 'yet'}.
        </p>
      ) : (
        <ul className="glossary-list" aria-label="Glossary terms">
          {entries.map((entry) => (
            <li key={entry.id} className="glossary-entry">
              <p className="glossary-pair">
                <strong lang={entry.termLang}>{entry.term}</strong> →{' '}
                <span lang={entry.renderingLang}>{entry.renderings.join(', ') || '—'}</span>
              </p>
              {entry.note && <p className="muted">{entry.note}</p>}
              <p className="annotation-meta">
                {entry.occurrences.length} occurrence{entry.occurrences.length === 1 ? '' : 's'} of
                the term, {entry.renderingOccurrences.length} of its renderings
              </p>
              <OccurrenceList
                occurrences={entry.occurrences.concat(entry.renderingOccurrences)}
                recordId={props.record.id}
                label={`Occurrences of ${entry.term}`}
              />
              <button
                type="button"
                className="link-button danger"
                aria-label={`Delete glossary entry ${entry.term}`}
                onClick={() =>
                  void actions
                    .removeGlossaryEntry(entry)
                    .catch((e: unknown) => fail('Could not delete', e))
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {scope === 'library' && (
        <section aria-label="Consistency" className="consistency">
          <h3 className="panel-subheading">Consistency across records</h3>
          {issues.length === 0 ? (
            <p className="muted">Every term is rendered the same way wherever it occurs.</p>
          ) : (
            <ul>
              {issues.map((issue) => (
                <li key={issue.entryIds.join()}>
                  <strong lang={issue.termLang}>{issue.term}</strong>
                  <ul>
                    {issue.records.map((r) => (
                      <li key={r.recordId}>
                        {r.recordTitle}:{' '}
                        {r.renderings.map((x) => `${x.rendering} ×${x.count}`).join(', ') ||
                          'no known rendering'}
                        {r.unrendered > 0 && ` (${r.unrendered} not rendered with a glossary term)`}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
