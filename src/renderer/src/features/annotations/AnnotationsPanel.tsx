import { useDeferredValue, useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Annotation, Category, EntityView, RecordDocument } from '@shared/model';
import { api } from '../../api/client';
import { PanelToggle, usePanelCollapsed } from '../../components/PanelToggle';
import '../../styles/annotations.css';
import { useAppState } from '../../app-state';
import { CategoryPalette } from './CategoryPalette';
import { GlossaryTab, type GlossaryDraft } from './GlossaryTab';
import { NotesTab } from './NotesTab';
import { PeopleTab } from './PeopleTab';
import { RecordNoteTab } from './RecordNoteTab';
import type { AnnotationTools } from './use-annotation-tools';

export interface AnnotationsPanelProps {
  record: RecordDocument;
  annotations: Annotation[];
  categories: Category[];
  tools: AnnotationTools;
  onShow(annotation: Annotation): void;
}

type Tab = 'notes' | 'glossary' | 'people' | 'record-note';
const TABS: { id: Tab; label: string }[] = [
  { id: 'notes', label: 'Notes' },
  { id: 'glossary', label: 'Glossary' },
  { id: 'people', label: 'People & places' },
  { id: 'record-note', label: 'Record note' },
];

/** The side panel: notes, the glossary, people and places, and the record note, as tabs. */
export function AnnotationsPanel(props: AnnotationsPanelProps): JSX.Element {
  const { revision, notify } = useAppState();
  // The text's marks come first: the list of notes follows in a render of its own, so a new
  // highlight is painted without waiting for the panel.
  const annotations = useDeferredValue(props.annotations);
  const [tab, setTab] = useState<Tab>('notes');
  const [entities, setEntities] = useState<EntityView[]>([]);
  const [glossaryDraft, setGlossaryDraft] = useState<GlossaryDraft | null>(null);
  const [editingPalette, setEditingPalette] = useState(false);
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const [collapsed, setCollapsed] = usePanelCollapsed('marginalia.notesPanel');

  useEffect(() => {
    let live = true;
    api
      .call('entities.list', {})
      .then((list) => live && setEntities(list))
      .catch(() => live && notify({ kind: 'error', text: 'Could not load people and places.' }));
    return () => {
      live = false;
    };
  }, [revision, notify]);

  // The note J/K moved to stays visible in the list.
  useEffect(() => {
    if (!props.tools.currentId) return;
    document
      .querySelector(`[data-annotation-id="${CSS.escape(props.tools.currentId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [props.tools.currentId]);

  // A click on a highlight opens its card: the Notes tab comes to the front (the list then
  // shows and scrolls to the note, see NotesTab).
  const cardRequest = props.tools.cardRequest;
  const [seenRequest, setSeenRequest] = useState(cardRequest);
  if (cardRequest !== seenRequest) {
    setSeenRequest(cardRequest);
    if (cardRequest) {
      setTab('notes');
      setCollapsed(false);
    }
  }

  const addToGlossary = (annotation: Annotation): void => {
    const of = (side: 'original' | 'translation') =>
      annotation.targets.find((t) => t.side === side)?.quote.exact ?? '';
    setGlossaryDraft({
      term: of('original'),
      renderings: of('translation'),
      annotationId: annotation.id,
    });
    setTab('glossary');
  };

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = TABS.findIndex((t) => t.id === tab);
    let next = at;
    if (event.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else return;
    event.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current.get(TABS[next]!.id)?.focus();
  };

  const orphans = annotations.filter((a) => a.targets.some((t) => t.orphaned)).length;
  const toggle = (
    <PanelToggle
      name="notes panel"
      side="right"
      collapsed={collapsed}
      controls="annotations-panel"
      onToggle={() => setCollapsed(!collapsed)}
    />
  );
  if (collapsed) {
    return (
      <section className="annotations-panel panel-collapsed" aria-label="Annotations">
        {toggle}
        <span className="collapsed-count">
          {annotations.length}
          <span className="visually-hidden"> notes</span>
        </span>
      </section>
    );
  }
  return (
    <section id="annotations-panel" className="annotations-panel" aria-label="Annotations">
      {toggle}
      <h2 className="panel-heading">
        Annotations <span className="count">({annotations.length})</span>
        {orphans > 0 && <span className="orphan-badge"> · {orphans} need re-attaching</span>}
      </h2>
      <button
        type="button"
        className="link-button panel-palette-button"
        onClick={() => setEditingPalette(true)}
      >
        Categories…
      </button>
      {editingPalette && (
        <CategoryPalette categories={props.categories} onClose={() => setEditingPalette(false)} />
      )}
      <div className="panel-tabs" role="tablist" aria-label="Panel" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(element) => {
              if (element) tabRefs.current.set(t.id, element);
            }}
            type="button"
            role="tab"
            id={`panel-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`panel-tab-${tab}`}
        className="panel-body"
      >
        {tab === 'notes' && (
          <NotesTab
            record={props.record}
            annotations={annotations}
            categories={props.categories}
            entities={entities}
            tools={props.tools}
            onShow={props.onShow}
            onAddToGlossary={addToGlossary}
          />
        )}
        {tab === 'glossary' && (
          <GlossaryTab
            key={glossaryDraft?.annotationId ?? 'blank'}
            record={props.record}
            tools={props.tools}
            draft={glossaryDraft}
            onDraftDone={() => setGlossaryDraft(null)}
          />
        )}
        {tab === 'people' && (
          <PeopleTab record={props.record} entities={entities} tools={props.tools} />
        )}
        {tab === 'record-note' && (
          <RecordNoteTab recordId={props.record.id} annotations={annotations} tools={props.tools} />
        )}
      </div>
      <p className="shortcut-help">
        Keys: <kbd>H</kbd> highlight · <kbd>C</kbd> comment · <kbd>L</kbd> link counterpart ·{' '}
        <kbd>1</kbd>–<kbd>9</kbd> category · <kbd>J</kbd>/<kbd>K</kbd> next/previous note ·{' '}
        <kbd>E</kbd> correct text · <kbd>Esc</kbd> cancel
      </p>
    </section>
  );
}
