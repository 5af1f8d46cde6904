// Loads a record's page images and passage layout (empty for a record read from text), again
// after a change to the text (a corrected passage moves its line boxes and doubtful words).
import { useEffect, useState } from 'react';
import type { RecordFacsimile } from '@shared/scans/facsimile';
import { api } from '../../api/client';
import { useAppState } from '../../app-state';

export function useFacsimile(recordId: string): RecordFacsimile | null {
  const { textRevision } = useAppState();
  const [loaded, setLoaded] = useState<{ recordId: string; value: RecordFacsimile } | null>(null);
  useEffect(() => {
    let live = true;
    api.call('records.facsimile', { id: recordId }).then(
      (value) => live && setLoaded({ recordId, value }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [recordId, textRevision]);
  // A record opened a moment ago has no pages until its own have arrived.
  return loaded?.recordId === recordId ? loaded.value : null;
}
