import { useEffect, useState } from 'react';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

export interface RecordData {
  record: RecordDocument | null;
  annotations: Annotation[];
  categories: Category[];
  loadError: string | null;
}

/**
 * Loads a record with its annotations and the category palette, and loads them again after any
 * change to the library (the app-wide revision), e.g. an edit, an undo or an alignment fix.
 */
export function useRecordData(recordId: string): RecordData {
  const { revision, notify } = useAppState();
  const [record, setRecord] = useState<RecordDocument | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.call('records.get', { id: recordId }),
      api.call('annotations.list', { recordId }),
      api.call('categories.list', {}),
    ])
      .then(([doc, list, cats]) => {
        if (!live) return;
        setRecord(doc);
        setAnnotations(list);
        setCategories(cats);
      })
      .catch((error: unknown) => {
        if (!live) return;
        // A record that cannot be read at all is a page error; a failed reload is a notice.
        if (revision === 0) setLoadError(errorMessage(error));
        else notify({ kind: 'error', text: errorMessage(error) });
      });
    return () => {
      live = false;
    };
  }, [recordId, revision, notify]);

  return { record, annotations, categories, loadError };
}
