// The row under every editor of a note's words (a comment, a reply, a passage's text): the
// "Ctrl+Enter saves" hint, Cancel and Save, and, when Cancel would lose unsaved words, the
// question whether to discard them. One row, so every editor asks and answers alike.
import type { JSX } from 'react';

export interface DiscardQuestion {
  /** Cancel was pressed with unsaved words: the row asks instead of offering Save. */
  asking: boolean;
  /** What would be lost, as the question names it: "comment", "reply". */
  what: string;
  /** The button that goes back to the words: "Keep editing", "Keep writing". */
  keepLabel: string;
  onDiscard(): void;
  onKeep(): void;
}

export interface SaveActionsProps {
  saveLabel: string;
  saveDisabled?: boolean;
  hint?: string;
  onCancel(): void;
  onSave(): void;
  /** Editors that keep drafts ask before their words are thrown away. */
  discard?: DiscardQuestion;
}

export function SaveActions(props: SaveActionsProps): JSX.Element {
  const { discard } = props;
  if (discard?.asking) {
    return (
      <div className="dialog-actions" role="group" aria-label={`Unsaved ${discard.what}`}>
        <span>Discard this unsaved {discard.what}?</span>
        <button type="button" className="button danger" onClick={discard.onDiscard}>
          Discard
        </button>
        <button type="button" className="button" onClick={discard.onKeep} autoFocus>
          {discard.keepLabel}
        </button>
      </div>
    );
  }
  return (
    <div className="dialog-actions">
      <span className="hint">{props.hint ?? 'Ctrl+Enter saves'}</span>
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className="button primary"
        onClick={props.onSave}
        disabled={props.saveDisabled ?? false}
      >
        {props.saveLabel}
      </button>
    </div>
  );
}
