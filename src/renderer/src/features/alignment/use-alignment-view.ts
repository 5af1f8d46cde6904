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

const viewKey = (recordId: string, level: AlignmentLevel, textRevision: number): string =>
  `${recordId}\n${level}\n${textRevision}`;

/** Requests started before the reader mounted (one at a time: only the latest is kept). */
let prefetched: { key: string; request: Promise<AlignmentView> } | null = null;

/**
 * Starts loading a record's rows before the reader asks for them, so the record and its
 * alignment travel together instead of one after the other.
 */
export function prefetchAlignmentView(
  recordId: string,
  level: AlignmentLevel,
  textRevision: number,
): void {
  const key = viewKey(recordId, level, textRevision);
  if (prefetched?.key === key) return;
  const request = api.call('alignment.get', { recordId, level });
  request.catch(() => undefined); // the reader reports errors when it takes the request
  prefetched = { key, request };
}

function takeRequest(key: string, recordId: string, level: AlignmentLevel): Promise<AlignmentView> {
  if (prefetched?.key === key) {
    const { request } = prefetched;
    prefetched = null;
    return request;
  }
  return api.call('alignment.get', { recordId, level });
}

/**
 * Loads a record's rows at one level, again after every change to its text or alignment
 * (changes to notes alone leave the rows as they are).
 */
export function useAlignmentView(recordId: string, level: AlignmentLevel): AlignmentViewState {
  const { textRevision } = useAppState();
  const key = viewKey(recordId, level, textRevision);
  const [loaded, setLoaded] = useState<Loaded>({ key: '', view: null, error: null });

  useEffect(() => {
    let live = true;
    takeRequest(key, recordId, level)
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
