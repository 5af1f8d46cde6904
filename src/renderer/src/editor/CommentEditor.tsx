// The rich-text comment editor (Lexical): bold, italic, underline, links, lists and quotes.
// It reports its state as serialised JSON, which is what the core stores.
import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, type EditorState } from 'lexical';
import { EditorToolbar } from './EditorToolbar';
import { isSafeUrl } from './links';

const theme = {
  paragraph: 'rt-paragraph',
  quote: 'rt-quote',
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-nested' } },
  link: 'rt-link',
  text: {
    bold: 'rt-bold',
    italic: 'rt-italic',
    underline: 'rt-underline',
    strikethrough: 'rt-strike',
    code: 'rt-code',
  },
};

export interface CommentEditorProps {
  /** Serialised Lexical state to start from, or null for an empty comment. */
  initialJson: string | null;
  onChange(json: string, isEmpty: boolean): void;
  /** Accessible name of the text box. */
  label?: string;
  /** Called on Ctrl+Enter / Cmd+Enter. */
  onSubmit?(): void;
  /** Lexical namespace (distinct editors on one page keep distinct histories). */
  namespace?: string;
  /** Extra plugins or controls rendered inside the editor's composer. */
  plugins?: ReactNode;
}

/**
 * Ctrl+Enter (Cmd+Enter) submits. The shortcut is one Lexical command registered once per editor
 * and removed with it; the latest `onSubmit` is read from a ref, so re-renders while typing never
 * add another handler (each extra one used to save an older copy of the text).
 */
function SubmitShortcutPlugin({ onSubmit }: { onSubmit?: () => void }): null {
  const [editor] = useLexicalComposerContext();
  const submit = useRef(onSubmit);
  useEffect(() => {
    submit.current = onSubmit;
  });
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !(event.ctrlKey || event.metaKey) || !submit.current) return false;
          event.preventDefault();
          submit.current();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}

export function CommentEditor({
  initialJson,
  onChange,
  label = 'Comment',
  onSubmit,
  namespace = 'marginalia-comment',
  plugins,
}: CommentEditorProps): JSX.Element {
  const [config] = useState<InitialConfigType>(() => ({
    namespace,
    theme,
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode],
    editorState: initialJson ?? undefined,
    onError(error: Error) {
      console.error('Comment editor error:', error);
    },
  }));

  const handleChange = (state: EditorState): void => {
    const isEmpty = state.read(() => $getRoot().getTextContent().trim() === '');
    onChange(JSON.stringify(state.toJSON()), isEmpty);
  };

  return (
    <LexicalComposer initialConfig={config}>
      <div className="rich-editor">
        <EditorToolbar />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="rich-editor-input"
              aria-label={label}
              aria-multiline="true"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <AutoFocusPlugin />
        <OnChangePlugin onChange={handleChange} ignoreSelectionChange />
        <SubmitShortcutPlugin onSubmit={onSubmit} />
        {plugins}
      </div>
    </LexicalComposer>
  );
}
