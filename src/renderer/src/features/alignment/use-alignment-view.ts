import { useEffect, useState } from 'react';
import type { AlignmentLevel, AlignmentView } from '@shared/alignment/view';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

export interface AlignmentViewState {
  /** The latest view loaded; kept on screen while the next one loads. */
  view: AlignmentView | null;
  /** True while the view for the current record, level and revision is on its way. */
  loading: boolean;
  error: string | null;
}

interface Loaded {
  key: string;
  view: AlignmentView | null;
  error: string | null;
}

/** Loads a record's rows at one level, again after every change to the library. */
export function useAlignmentView(recordId: string, level: AlignmentLevel): AlignmentViewState {
  const { revision } = useAppState();
  const key = `${recordId}\n${level}\n${revision}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', view: null, error: null });

  useEffect(() => {
    let live = true;
    api
      .call('alignment.get', { recordId, level })
      .then((view) => live && setLoaded({ key, view, error: null }))
      .catch(
        (error: unknown) =>
          live && setLoaded((s) => ({ key, view: s.view, error: errorMessage(error) })),
      );
    return () => {
      live = false;
    };
  }, [key, recordId, level]);

  return { view: loaded.view, loading: loaded.key !== key, error: loaded.error };
}
