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

  return (
    <div className="rich-toolbar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Bold" title="Bold (Ctrl+B)" pressed={state.bold} onPress={format('bold')}>
        <b aria-hidden="true">B</b>
      </ToolButton>
      <ToolButton
        label="Italic"
        title="Italic (Ctrl+I)"
        pressed={state.italic}
        onPress={format('italic')}
      >
        <i aria-hidden="true">I</i>
      </ToolButton>
      <ToolButton
        label="Underline"
        title="Underline (Ctrl+U)"
        pressed={state.underline}
        onPress={format('underline')}
      >
        <u aria-hidden="true">U</u>
      </ToolButton>
      <ToolButton
        label="Link"
        pressed={state.link}
        onPress={() => {
          if (state.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
          else setLinkDraft('');
        }}
      >
        <span aria-hidden="true">Link</span>
      </ToolButton>
      <ToolButton
        label="Bulleted list"
        pressed={state.list === 'bullet'}
        onPress={toggleList('bullet')}
      >
        <span aria-hidden="true">• List</span>
      </ToolButton>
      <ToolButton
        label="Numbered list"
        pressed={state.list === 'number'}
        onPress={toggleList('number')}
      >
        <span aria-hidden="true">1. List</span>
      </ToolButton>
      <ToolButton label="Quote" pressed={state.quote} onPress={toggleQuote}>
        <span aria-hidden="true">“ Quote</span>
      </ToolButton>
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

/**
 * A formatting button: its name for assistive technology, whether it is on at the caret
 * (aria-pressed), and a press that keeps the editor's selection (no focus move on mouse down).
 */
function ToolButton(props: {
  label: string;
  title?: string;
  pressed: boolean;
  onPress(): void;
  children: React.ReactNode;
}): JSX.Element {
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      title={props.title ?? props.label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onPress}
    >
      {props.children}
      <span className="visually-hidden">{props.label}</span>
    </button>
  );
}
