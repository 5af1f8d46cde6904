import type { JSX } from 'react';
import type { Category } from '@shared/model';
import { useAppState } from '../../app-state';
import { SelectionToolbar } from '../reader/SelectionToolbar';
import type { PassageSelection } from '../reader/selection';
import { CommentDialog, type CommentDetails } from './CommentDialog';
import { PassageTextDialog } from './PassageTextDialog';
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
      window.getSelection()?.removeAllRanges();
    } else {
      await actions.update(editing.annotation, {
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
          stickyCategory={tools.stickyCategory}
          pending={tools.pending}
          onHighlight={(categoryId) => {
            if (categoryId) tools.setStickyCategory(categoryId);
            void tools.highlight(categoryId);
          }}
          onComment={tools.startComment}
          onLink={() => void tools.link()}
          onEditText={() => tools.startPassageEdit(selection.passageId)}
        />
      )}
      {editing && (
        <CommentDialog
          key={editing.mode === 'edit' ? editing.annotation.id : 'new'}
          quote={
            editing.mode === 'new'
              ? editing.selection.text
              : editing.annotation.targets.map((t) => t.quote.exact).join(' / ')
          }
          initialJson={editing.mode === 'edit' ? editing.annotation.comment.json : null}
          initialCategoryId={
            editing.mode === 'edit' ? editing.annotation.categoryId : tools.stickyCategory
          }
          initialTags={editing.mode === 'edit' ? editing.annotation.tags : []}
          initialNoteType={editing.mode === 'edit' ? editing.annotation.noteType : null}
          categories={categories}
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
