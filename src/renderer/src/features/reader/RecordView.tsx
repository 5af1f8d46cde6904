// One open record: its header, the aligned texts, the annotation tools and the details editor.
import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { Annotation } from '@shared/model';
import { AnnotationOverlays } from '../annotations/AnnotationOverlays';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { MarkDisplayContext } from '../annotations/mark-display';
import { flashAnnotation, provideAnnotations } from '../annotations/marks';
import { useAnnotationTools } from '../annotations/use-annotation-tools';
import { useLinkedMarks } from '../annotations/use-linked-marks';
import { useMarkClicks } from '../annotations/use-mark-clicks';
import { ExportNotesButton } from '../export/ExportNotesButton';
import { useAnnotationLink } from '../export/use-annotation-link';
import { AlignedReader } from '../alignment/AlignedReader';
import { FacsimilePane } from '../facsimile/FacsimilePane';
import { useDoubtfulWords } from '../facsimile/use-doubtful-words';
import { useFacsimile } from '../facsimile/use-facsimile';
import { RecordDetailsDialog } from './RecordDetailsDialog';
import { RecordActions, RecordHeader } from './RecordHeader';
import { usePassageSelection } from './use-passage-selection';
import { useRecordData } from './use-record-data';

export { flashAnnotation };

/** One record: its header, the aligned texts, and the annotation tools around them. */
export function RecordView({ recordId }: { recordId: string }): JSX.Element {
  const { record, annotations, categories, loadError } = useRecordData(recordId);
  const textArea = useRef<HTMLDivElement>(null);
  const selection = usePassageSelection(textArea);
  const tools = useAnnotationTools({ recordId, record, annotations, categories, selection });
  const aboutId = useId();
  const [aboutOpen, setAboutOpen] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  useLinkedMarks(textArea, record !== null);
  useMarkClicks(textArea, record !== null, tools.openCard);
  const facsimile = useFacsimile(recordId);
  const [showPages, setShowPages] = useState(true);
  useDoubtfulWords(textArea, facsimile);
  const hasPages = facsimile !== null && facsimile.pages.some((p) => p.imageHash !== null);
  // Notes shown by id alone (citations, mentions, J/K) are found, and their rows drawn, from here.
  useEffect(() => provideAnnotations((id) => annotations.find((a) => a.id === id)), [annotations]);
  const show = (a: Annotation): void => {
    tools.setCurrentId(a.id);
    void flashAnnotation(a.id);
  };
  // A link to one annotation (#/record/ID?annotation=ID, marginalia://…) shows its span.
  useAnnotationLink(annotations, show);

  if (loadError) {
    return (
      <div className="record-error" role="alert">
        <h1>This record could not be opened</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!record) return <p className="muted loading">Opening record…</p>;

  return (
    <div className={hasPages && showPages ? 'record-view with-facsimile' : 'record-view'}>
      <div className="record-main">
        <RecordHeader record={record} aboutId={aboutId} aboutOpen={aboutOpen} />
        <div ref={textArea} className="text-area">
          <MarkDisplayContext.Provider value={tools.display}>
            <AlignedReader
              recordId={record.id}
              annotations={annotations}
              categories={categories}
              actions={
                <RecordActions aboutId={aboutId} aboutOpen={aboutOpen} onAbout={setAboutOpen}>
                  <button
                    type="button"
                    className="link-button"
                    aria-haspopup="dialog"
                    onClick={() => setEditingDetails(true)}
                  >
                    Edit details…
                  </button>
                  <ExportNotesButton recordId={record.id} />
                  {hasPages && (
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={showPages}
                      onClick={() => setShowPages((v) => !v)}
                    >
                      Page images
                    </button>
                  )}
                </RecordActions>
              }
            />
          </MarkDisplayContext.Provider>
        </div>
      </div>
      {hasPages && showPages && (
        <FacsimilePane
          record={record}
          facsimile={facsimile}
          annotations={annotations}
          categories={categories}
        />
      )}
      <AnnotationsPanel
        record={record}
        annotations={annotations}
        categories={categories}
        tools={tools}
        onShow={show}
      />
      <AnnotationOverlays tools={tools} selection={selection} categories={categories} />
      {editingDetails && (
        <RecordDetailsDialog record={record} onClose={() => setEditingDetails(false)} />
      )}
    </div>
  );
}
