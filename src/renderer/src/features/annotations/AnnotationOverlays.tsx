import { useEffect, useMemo, type JSX } from 'react';
import type { Category } from '@shared/model';
import { useAppState } from '../../app-state';
import { SelectionToolbar } from '../reader/SelectionToolbar';
import type { Rect } from '../reader/placement';
import { passageElementAt, type PassageSelection } from '../reader/selection';
import { CommentDialog, type CommentDetails } from './CommentDialog';
import { marksOf, paintCommentTarget } from './marks';
import { PassageTextDialog } from './PassageTextDialog';
import { afterUse, toggleLock } from './next-category';
import { spanTarget } from './use-drafts';
import { PendingBanner } from './PendingBanner';
import type { AnnotationTools } from './use-annotation-tools';

/** What floats over the reader: the selection toolbar, the pending-link banner and the dialogs. */
export function AnnotationOverlays(props: {
  tools: AnnotationTools;
  selection: PassageSelection | null;
  categories: Category[];
}): JSX.Element {
  const { tools, selection, categories } = props;
  const { notify } = useAppState();
  const { editing, actions } = tools;

  // Where the words are when the dialog opens: it goes beside their passage.
  const anchor = useMemo(() => {
    if (!editing) return null;
    if (editing.mode === 'edit') return markBox(editing.annotation.id);
    const { passageId, start, rect } = editing.selection;
    return besidePassage(rect, passageElementAt(passageId, start)?.element ?? null);
  }, [editing]);

  // The words a new comment is about stay painted while the dialog is open.
  useEffect(() => {
    if (editing?.mode !== 'new') return;
    const { passageId, start, end } = editing.selection;
    return paintCommentTarget(passageId, start, end);
  }, [editing]);

  const saveComment = async (details: CommentDetails): Promise<void> => {
    if (!editing) return;
    if (editing.mode === 'new') {
      const created = await actions.create(editing.selection, {
        draftId: details.draftId,
        commentJson: details.json,
        categoryId: details.categoryId,
        tags: details.tags,
        noteType: details.noteType,
      });
      tools.setCurrentId(created.id);
      tools.setNextCategory((next) => afterUse(next, details.categoryId));
      window.getSelection()?.removeAllRanges();
    } else {
      await actions.update(editing.annotation, {
        draftId: details.draftId,
        categoryId: details.categoryId,
        comment: { json: details.json },
        tags: details.tags,
        noteType: details.noteType,
      });
    }
    notify({ kind: 'info', text: 'Comment saved.' });
    tools.setEditing(null);
  };

  const savePassage = async (text: string): Promise<void> => {
    if (!tools.passageEditing) return;
    const report = await actions.editPassage(tools.passageEditing.passageId, text);
    tools.setPassageEditing(null);
    const moved = report.reanchored
      ? ` ${report.reanchored} note${report.reanchored === 1 ? '' : 's'} followed the words.`
      : '';
    const lost = report.newlyOrphaned
      ? ` ${report.newlyOrphaned} could not be placed and ${report.newlyOrphaned === 1 ? 'needs' : 'need'} re-attaching (see the Notes filter).`
      : '';
    notify({ kind: 'info', text: `Text corrected.${moved}${lost} Ctrl+Z undoes.` });
  };

  return (
    <>
      {tools.pending && (
        <PendingBanner pending={tools.pending} onCancel={() => tools.setPending(null)} />
      )}
      {selection && !editing && !tools.passageEditing && (
        <SelectionToolbar
          selection={selection}
          categories={categories}
          next={tools.nextCategory}
          pending={tools.pending}
          onHighlight={(categoryId) => void tools.highlight(categoryId)}
          onToggleLock={() => tools.setNextCategory(toggleLock)}
          onComment={tools.startComment}
          onLink={() => void tools.link()}
          onEditText={() => tools.startPassageEdit(selection.passageId)}
        />
      )}
      {editing && (
        <CommentDialog
          key={
            editing.resumed?.id ??
            (editing.mode === 'edit' ? editing.annotation.id : editing.selection.draftId)
          }
          quote={
            editing.mode === 'new'
              ? editing.selection.text
              : editing.annotation.targets.map((t) => t.quote.exact).join(' / ')
          }
          initialJson={editing.mode === 'edit' ? editing.annotation.comment.json : null}
          initialCategoryId={
            editing.mode === 'edit' ? editing.annotation.categoryId : tools.nextCategory.id
          }
          initialTags={editing.mode === 'edit' ? editing.annotation.tags : []}
          initialNoteType={editing.mode === 'edit' ? editing.annotation.noteType : null}
          categories={categories}
          anchor={anchor}
          draft={{
            recordId: tools.recordId,
            target:
              editing.mode === 'new'
                ? spanTarget(editing.selection)
                : { kind: 'note', annotationId: editing.annotation.id },
          }}
          resumed={editing.resumed ?? null}
          onSave={saveComment}
          onClose={() => tools.setEditing(null)}
        />
      )}
      {tools.passageEditing && (
        <PassageTextDialog
          key={tools.passageEditing.passageId}
          label={tools.passageEditing.label}
          initialText={tools.passageEditing.text}
          onSave={savePassage}
          onClose={() => tools.setPassageEditing(null)}
        />
      )}
    </>
  );
}

/**
 * The box to keep clear for a comment: the words, widened to their passage's sides, so the
 * dialog goes beside the passage (over the other column or the panel), not over the rest of it.
 */
function besidePassage(words: Rect, passage: Element | null): Rect {
  const box = passage?.getBoundingClientRect();
  if (!box) return words;
  return {
    left: Math.min(words.left, box.left),
    right: Math.max(words.right, box.right),
    top: words.top,
    bottom: words.bottom,
  };
}

/** The box of a note's first mark and its passage when on screen, for placing its dialog. */
function markBox(annotationId: string): Rect | null {
  const mark = marksOf(annotationId)[0];
  const box = mark?.getBoundingClientRect();
  if (!mark || !box || box.bottom < 0 || box.top > window.innerHeight) return null;
  const words = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  return besidePassage(words, mark.closest('.passage'));
}
