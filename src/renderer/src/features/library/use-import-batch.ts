// Runs a batch of imports one item at a time through the API, so the page shows progress with
// counts and can stop between items: a cancelled batch keeps what was imported and sends nothing
// more. Every item ends with an outcome: imported, replaced, skipped, or failed with its reason.
import { useCallback, useRef, useState } from 'react';
import type { UnitChoice } from '@shared/alignment/units';
import type { DuplicatePolicy, ImportItemInput, ImportOutcome } from '@shared/api/contract';
import { itemLabel, planImport, type PlannedItem } from '@shared/import/pairing';
import { api, errorMessage } from '../../api/client';
import { sizeProblem, sourceInput, type ImportSource } from './import-sources';

/** One item of a batch, with the languages the user chose for it (if any). */
export type BatchItem = PlannedItem<ImportSource> & {
  originalLang?: string;
  translationLang?: string;
  order?: 'given' | 'auto';
  /** How plain-text files of a pair are cut into passages. */
  unit?: UnitChoice;
};

export interface BatchState {
  total: number;
  /** Items finished (whatever their outcome). */
  done: number;
  /** The item being imported now. */
  current: string | null;
  outcomes: ImportOutcome[];
  /** Items never sent because the user cancelled. */
  notImported: string[];
  running: boolean;
  cancelling: boolean;
  policy: DuplicatePolicy;
}

async function toInput(item: BatchItem): Promise<ImportItemInput> {
  if (item.kind === 'record') return { kind: 'record', file: await sourceInput(item.file) };
  return {
    kind: 'pair',
    original: await sourceInput(item.original),
    translation: await sourceInput(item.translation),
    ...(item.originalLang ? { originalLang: item.originalLang } : {}),
    ...(item.translationLang ? { translationLang: item.translationLang } : {}),
    order: item.order ?? 'given',
    unit: item.unit ?? 'auto',
  };
}

function tooLarge(item: BatchItem): string | null {
  const sources = item.kind === 'record' ? [item.file] : [item.original, item.translation];
  for (const source of sources) {
    const problem = sizeProblem(source);
    if (problem) return problem;
  }
  return null;
}

/** Plans files into records and pairs (x.ru.txt + x.en.txt) the way the services would. */
export function planSources(sources: ImportSource[]): BatchItem[] {
  return planImport(sources);
}

export function useImportBatch(onFinished: (state: BatchState) => void): {
  batch: BatchState | null;
  run(items: BatchItem[], policy: DuplicatePolicy): Promise<void>;
  cancel(): void;
  clear(): void;
} {
  const [batch, setBatch] = useState<BatchState | null>(null);
  const cancelled = useRef(false);
  const running = useRef(false);

  const run = useCallback(
    async (items: BatchItem[], policy: DuplicatePolicy): Promise<void> => {
      if (running.current || items.length === 0) return;
      running.current = true;
      cancelled.current = false;
      let state: BatchState = {
        total: items.length,
        done: 0,
        current: null,
        outcomes: [],
        notImported: [],
        running: true,
        cancelling: false,
        policy,
      };
      const update = (next: Partial<BatchState>): void => {
        state = { ...state, ...next };
        setBatch(state);
      };
      update({});
      for (const [index, item] of items.entries()) {
        if (cancelled.current) {
          update({ notImported: items.slice(index).map((i) => itemLabel(i)) });
          break;
        }
        const label = itemLabel(item);
        update({ current: label });
        let outcome: ImportOutcome;
        const problem = tooLarge(item);
        if (problem) {
          outcome = { status: 'failed', file: label, reason: problem };
        } else {
          try {
            outcome = await api.call('import.item', {
              item: await toInput(item),
              duplicates: policy,
            });
            // The page's own name for the item, with its folder.
            outcome = { ...outcome, file: label };
          } catch (error) {
            outcome = { status: 'failed', file: label, reason: errorMessage(error) };
          }
        }
        update({ outcomes: [...state.outcomes, outcome], done: state.done + 1 });
      }
      update({ running: false, current: null, cancelling: false });
      running.current = false;
      onFinished(state);
    },
    [onFinished],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    cancelled.current = true;
    setBatch((b) => (b ? { ...b, cancelling: true } : b));
  }, []);

  const clear = useCallback(() => setBatch(null), []);
  return { batch, run, cancel, clear };
}
