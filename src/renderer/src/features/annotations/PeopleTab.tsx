import { useState, type JSX } from 'react';
import type { EntityView, RecordDocument } from '@shared/model';
import { KIND_LABEL } from './EntityLinker';
import { flashAnnotation } from './marks';
import { OccurrenceList } from './OccurrenceList';
import type { AnnotationTools } from './use-annotation-tools';
import { api } from '../../api/client';
import { useAppState } from '../../app-state';

/** People, places and organisations named in this record, with every mention across records. */
export function PeopleTab(props: {
  record: RecordDocument;
  entities: EntityView[];
  tools: AnnotationTools;
}): JSX.Element {
  const { done } = useAppState();
  const [adding, setAdding] = useState<Record<string, string>>({});
  const inRecord = props.entities.filter(
    (e) =>
      e.mentions.some((m) => m.recordId === props.record.id) ||
      e.occurrences.some((o) => o.recordId === props.record.id),
  );

  const addName = async (entity: EntityView): Promise<void> => {
    const name = (adding[entity.id] ?? '').trim();
    if (!name) return;
    const before = entity.names;
    const names = [...before, name];
    try {
      await api.call('entities.update', { id: entity.id, names });
      done({
        label: 'Add name',
        undo: async () =>
          void (await api.call('entities.update', { id: entity.id, names: before })),
        redo: async () => void (await api.call('entities.update', { id: entity.id, names })),
      });
      setAdding({ ...adding, [entity.id]: '' });
    } catch (error) {
      props.tools.fail('Could not add the name', error);
    }
  };

  if (inRecord.length === 0) {
    return (
      <p className="muted panel-empty">
        No people, places or organisations yet. On a note, choose <strong>Person/place…</strong> to
        name one.
      </p>
    );
  }
  return (
    <ul className="entity-list" aria-label="People, places and organisations">
      {inRecord.map((entity) => (
        <li key={entity.id} className="entity">
          <p className="entity-names">
            <span className="entity-kind">{KIND_LABEL[entity.kind]}</span>{' '}
            <strong>{entity.names.join(' / ')}</strong>
          </p>
          <ul className="occurrences" aria-label={`Mentions of ${entity.names[0]}`}>
            {entity.mentions.map((m) => (
              <li key={`${m.annotationId}:${m.side}`}>
                {m.recordId === props.record.id ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void flashAnnotation(m.annotationId, true)}
                    aria-label={`Show mention “${m.quote}”`}
                  >
                    {m.quote}
                  </button>
                ) : (
                  <span>
                    {m.quote} <span className="muted">in {m.recordTitle}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {entity.occurrences.length > 0 && (
            <details>
              <summary>
                {entity.occurrences.length} more unmarked occurrence
                {entity.occurrences.length === 1 ? '' : 's'}
              </summary>
              <OccurrenceList occurrences={entity.occurrences} recordId={props.record.id} />
            </details>
          )}
          <form
            className="add-name"
            onSubmit={(e) => {
              e.preventDefault();
              void addName(entity);
            }}
          >
            <input
              type="text"
              aria-label={`Another spelling of ${entity.names[0]}`}
              placeholder="another spelling"
              value={adding[entity.id] ?? ''}
              onChange={(e) => setAdding({ ...adding, [entity.id]: e.target.value })}
            />
            <button type="submit" className="button">
              Add name
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
