import { useState, type JSX } from 'react';
import { ENTITY_KINDS, type Annotation, type Entity, type EntityKind } from '@shared/model';

const KIND_LABEL: Record<EntityKind, string> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
};

function kindFor(categoryId: string): EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(categoryId)
    ? (categoryId as EntityKind)
    : 'person';
}

/** Links a note's span to a person, place or organisation: an existing one, or a new one. */
export function EntityLinker(props: {
  annotation: Annotation;
  entities: Entity[];
  onLink(choice: { entity: Entity } | { kind: EntityKind; names: string[] }): Promise<void>;
  onCancel(): void;
}): JSX.Element {
  const quote = props.annotation.targets[0]?.quote.exact ?? '';
  const [choice, setChoice] = useState<string>('new');
  const [kind, setKind] = useState<EntityKind>(kindFor(props.annotation.categoryId));
  const [names, setNames] = useState(quote);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const existing = props.entities.find((e) => e.id === choice);
    try {
      await props.onLink(
        existing
          ? { entity: existing }
          : {
              kind,
              names: names
                .split(/[,;]/)
                .map((n) => n.trim())
                .filter(Boolean),
            },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="inline-form"
      aria-label={`Person, place or organisation for “${quote}”`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <label className="field">
        <span>Names</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
          <option value="new">New…</option>
          {props.entities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {KIND_LABEL[entity.kind]}: {entity.names.join(' / ')}
            </option>
          ))}
        </select>
      </label>
      {choice === 'new' && (
        <>
          <label className="field">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Names (comma between spellings)</span>
            <input type="text" value={names} onChange={(e) => setNames(e.target.value)} />
          </label>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Link
        </button>
      </div>
    </form>
  );
}

export { KIND_LABEL };
