// Loads a record's page images and passage layout (empty for a record read from text).
import { useEffect, useState } from 'react';
import type { RecordFacsimile } from '@shared/scans/facsimile';
import { api } from '../../api/client';

export function useFacsimile(recordId: string): RecordFacsimile | null {
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
  }, [recordId]);
  // A record opened a moment ago has no pages until its own have arrived.
  return loaded?.recordId === recordId ? loaded.value : null;
}
