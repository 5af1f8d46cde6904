// Shows a stored comment without an editor: the serialised Lexical tree becomes React elements.
// Nothing is ever set as HTML, so a comment cannot inject markup or script.
import type { JSX, ReactNode } from 'react';
import { parseLexicalState, TEXT_FORMAT, type SerializedNode } from '@shared/lexical/serialized';
import { isSafeUrl } from '../../editor/links';
import { flashAnnotation } from './marks';

const CITATION = /^marginalia:\/\/annotation\/([\w-]+)$/;

function renderText(node: SerializedNode, key: number): ReactNode {
  let content: ReactNode = node.text ?? '';
  const format = typeof node.format === 'number' ? node.format : 0;
  if (format & TEXT_FORMAT.code) content = <code>{content}</code>;
  if (format & TEXT_FORMAT.underline) content = <u>{content}</u>;
  if (format & TEXT_FORMAT.strikethrough) content = <s>{content}</s>;
  if (format & TEXT_FORMAT.italic) content = <em>{content}</em>;
  if (format & TEXT_FORMAT.bold) content = <strong>{content}</strong>;
  return <span key={key}>{content}</span>;
}

function renderNodes(nodes: SerializedNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => renderNode(node, i));
}

function renderNode(node: SerializedNode, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'linebreak':
      return <br key={key} />;
    case 'tab':
      return <span key={key}>{'\t'}</span>;
    case 'link':
    case 'autolink': {
      const cited = CITATION.exec(node.url ?? '');
      if (cited) {
        // A citation of another note: jump to its span instead of leaving the app.
        return (
          <a
            key={key}
            href={node.url}
            className="citation-link"
            onClick={(event) => {
              event.preventDefault();
              void flashAnnotation(cited[1]!, true);
            }}
          >
            {renderNodes(node.children)}
          </a>
        );
      }
      return node.url && isSafeUrl(node.url) ? (
        <a key={key} href={node.url} target="_blank" rel="noreferrer noopener">
          {renderNodes(node.children)}
        </a>
      ) : (
        <span key={key}>{renderNodes(node.children)}</span>
      );
    }
    case 'paragraph':
      return <p key={key}>{renderNodes(node.children)}</p>;
    case 'quote':
      return <blockquote key={key}>{renderNodes(node.children)}</blockquote>;
    case 'heading':
      return (
        <p key={key} className="rt-heading">
          <strong>{renderNodes(node.children)}</strong>
        </p>
      );
    case 'list':
      return node.listType === 'number' ? (
        <ol key={key} start={node.start}>
          {renderNodes(node.children)}
        </ol>
      ) : (
        <ul key={key}>{renderNodes(node.children)}</ul>
      );
    case 'listitem':
      return <li key={key}>{renderNodes(node.children)}</li>;
    default:
      return <span key={key}>{renderNodes(node.children)}</span>;
  }
}

export function CommentView({ json }: { json: string | null }): JSX.Element | null {
  const root = parseLexicalState(json);
  if (!root) return null;
  return <div className="comment-view">{renderNodes(root.children)}</div>;
}
