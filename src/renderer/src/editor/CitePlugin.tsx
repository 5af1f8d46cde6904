// Inserts a citation of an annotation into a rich-text note: a link to
// marginalia://annotation/ID whose text is the quoted span. The reader turns such links into
// jumps to the span.
import { useEffect, useState, type JSX } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isRangeSelection,
} from 'lexical';

const CITATION = /^marginalia:\/\/annotation\/([\w-]+)$/;

export interface Citable {
  id: string;
  label: string;
}

export function citationUrl(annotationId: string): string {
  return `marginalia://annotation/${annotationId}`;
}

/**
 * A control to cite one of `citable` at the caret, and citations that open on click or Enter.
 * Lexical renders links to unknown schemes as about:blank, so the citation is read from the
 * editor's own node, not from the DOM.
 */
export function CitePlugin({
  citable,
  onOpen,
}: {
  citable: Citable[];
  onOpen(annotationId: string): void;
}): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [choice, setChoice] = useState('');

  // One pair of listeners per effect, moved when the root element changes and removed when the
  // effect ends (Lexical calls the root listener with (null, root) on unregistering).
  useEffect(() => {
    const open = (event: MouseEvent | KeyboardEvent): void => {
      if (event instanceof KeyboardEvent && event.key !== 'Enter') return;
      if (event instanceof KeyboardEvent && !event.altKey) return; // Alt+Enter opens
      const target =
        event instanceof MouseEvent ? (event.target as Node) : window.getSelection()?.anchorNode;
      if (!target) return;
      const url = editor.read(() => {
        const node = $getNearestNodeFromDOMNode(target);
        const link = node && $findMatchingParent(node, $isLinkNode);
        return link && $isLinkNode(link) ? link.getURL() : null;
      });
      const cited = CITATION.exec(url ?? '');
      if (!cited) return;
      event.preventDefault();
      onOpen(cited[1]!);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', open);
      previous?.removeEventListener('keydown', open);
      root?.addEventListener('click', open);
      root?.addEventListener('keydown', open);
    });
  }, [editor, onOpen]);

  const cite = (): void => {
    const target = citable.find((c) => c.id === choice);
    if (!target) return;
    editor.update(() => {
      const link = $createLinkNode(citationUrl(target.id));
      link.append($createTextNode(`“${target.label}”`));
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        selection.insertNodes([link, $createTextNode(' ')]);
      } else {
        const paragraph = $createParagraphNode();
        paragraph.append(link);
        $getRoot().append(paragraph);
      }
    });
    setChoice('');
  };

  return (
    <div className="cite-control">
      <label>
        <span>Cite a note</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {citable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={cite} disabled={!choice}>
        Insert citation
      </button>
    </div>
  );
}
