import { useCallback, useEffect, useState, type JSX } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  $createParagraphNode,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type TextFormatType,
} from 'lexical';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  $isListNode,
} from '@lexical/list';
import { $createQuoteNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { ListNode } from '@lexical/list';
import { isSafeUrl, normaliseUrl } from './links';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  list: 'bullet' | 'number' | null;
  quote: boolean;
}

const EMPTY: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  link: false,
  list: null,
  quote: false,
};

/** Formatting buttons; each shows whether it is on at the caret (aria-pressed). */
export function EditorToolbar(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const anchor = selection.anchor.getNode();
    const parent = anchor.getParent();
    const list = $getNearestNodeOfType(anchor, ListNode);
    const block = anchor.getTopLevelElement();
    setState({
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      link: $isLinkNode(parent) || $isLinkNode(anchor),
      list: $isListNode(list) ? (list.getListType() === 'number' ? 'number' : 'bullet') : null,
      quote: $isQuoteNode(block),
    });
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const format = (type: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const toggleList = (type: 'bullet' | 'number') => () => {
    if (state.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
  };
  const toggleQuote = (): void => {
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setBlocksType(selection, () => (state.quote ? $createParagraphNode() : $createQuoteNode()));
    });
  };
  const applyLink = (): void => {
    const url = normaliseUrl(linkDraft ?? '');
    if (url !== '' && isSafeUrl(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkDraft(null);
    editor.focus();
  };

  // Buttons keep the editor's selection: pressing them must not move focus first.
  const keep = (event: React.MouseEvent): void => event.preventDefault();

  return (
    <div className="rich-toolbar" role="toolbar" aria-label="Formatting">
      <button
        type="button"
        aria-pressed={state.bold}
        onMouseDown={keep}
        onClick={format('bold')}
        title="Bold (Ctrl+B)"
      >
        <b aria-hidden="true">B</b>
        <span className="visually-hidden">Bold</span>
      </button>
      <button
        type="button"
        aria-pressed={state.italic}
        onMouseDown={keep}
        onClick={format('italic')}
        title="Italic (Ctrl+I)"
      >
        <i aria-hidden="true">I</i>
        <span className="visually-hidden">Italic</span>
      </button>
      <button
        type="button"
        aria-pressed={state.underline}
        onMouseDown={keep}
        onClick={format('underline')}
        title="Underline (Ctrl+U)"
      >
        <u aria-hidden="true">U</u>
        <span className="visually-hidden">Underline</span>
      </button>
      <button
        type="button"
        aria-pressed={state.link}
        onMouseDown={keep}
        onClick={() => {
          if (state.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
          else setLinkDraft('');
        }}
        title="Link"
      >
        Link
      </button>
      <button
        type="button"
        aria-pressed={state.list === 'bullet'}
        onMouseDown={keep}
        onClick={toggleList('bullet')}
        aria-label="Bulleted list"
        title="Bulleted list"
      >
        • List
      </button>
      <button
        type="button"
        aria-pressed={state.list === 'number'}
        onMouseDown={keep}
        onClick={toggleList('number')}
        aria-label="Numbered list"
        title="Numbered list"
      >
        1. List
      </button>
      <button
        type="button"
        aria-pressed={state.quote}
        onMouseDown={keep}
        onClick={toggleQuote}
        aria-label="Quote"
        title="Quote"
      >
        “ Quote
      </button>
      {linkDraft !== null && (
        <span className="link-draft">
          <input
            type="url"
            aria-label="Link address"
            placeholder="https://…"
            value={linkDraft}
            autoFocus
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setLinkDraft(null);
                editor.focus();
              }
            }}
          />
          <button type="button" onClick={applyLink}>
            Apply link
          </button>
        </span>
      )}
    </div>
  );
}
