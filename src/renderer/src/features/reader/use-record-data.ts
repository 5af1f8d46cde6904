import { useEffect, useRef, useState } from 'react';
import { sortInTextOrder } from '@shared/annotation-order';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { applyAnnotationChange, subscribeAnnotations } from '../annotations/annotation-events';
import { prefetchAlignmentView } from '../alignment/use-alignment-view';
import { storedLevel } from '../alignment/level-preference';

export interface RecordData {
  record: RecordDocument | null;
  annotations: Annotation[];
  categories: Category[];
  loadError: string | null;
}

/**
 * Loads a record with its annotations and the category palette. The record's text is loaded
 * again only after changes that may alter text or alignment (textRevision); notes after any
 * change (revision), and at once when an annotation action publishes its result.
 */
export function useRecordData(recordId: string): RecordData {
  const { revision, textRevision, notify } = useAppState();
  const [record, setRecord] = useState<RecordDocument | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The reader needs the alignment as soon as the record: ask for both together.
    prefetchAlignmentView(recordId, storedLevel(), textRevision);
    api
      .call('records.get', { id: recordId })
      .then((doc) => live && setRecord(doc))
      .catch((error: unknown) => {
        if (!live) return;
        // A record that cannot be read at all is a page error; a failed reload is a notice.
        if (textRevision === 0) setLoadError(errorMessage(error));
        else notify({ kind: 'error', text: errorMessage(error) });
      });
    return () => {
      live = false;
    };
  }, [recordId, textRevision, notify]);

  useEffect(() => {
    let live = true;
    Promise.all([api.call('annotations.list', { recordId }), api.call('categories.list', {})])
      .then(([list, cats]) => {
        if (!live) return;
        setAnnotations(list);
        setCategories(cats);
      })
      .catch((error: unknown) => live && notify({ kind: 'error', text: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [recordId, revision, notify]);

  // A published change lands in reading order at once, as the next reload would put it.
  const current = useRef<RecordDocument | null>(null);
  useEffect(() => {
    current.current = record;
  }, [record]);
  useEffect(
    () =>
      subscribeAnnotations((change) => {
        const mine = {
          upsert: change.upsert?.filter((a) => a.recordId === recordId),
          remove: change.remove,
        };
        setAnnotations((list) => {
          const next = applyAnnotationChange(list, mine);
          return current.current ? sortInTextOrder(next, current.current) : next;
        });
      }),
    [recordId],
  );

  return { record, annotations, categories, loadError };
}
