// Shows a stored comment without an editor: the shared Lexical walk (@shared/lexical/visit)
// writes React elements. Nothing is ever set as HTML, so a comment cannot inject markup or script.
import type { JSX, ReactNode } from 'react';
import { parseLexicalState } from '@shared/lexical/serialized';
import { renderLexical, type LexicalList } from '@shared/lexical/visit';
import { isSafeUrl } from '../../editor/links';
import { flashAnnotation } from './marks';

const CITATION = /^marginalia:\/\/annotation\/([\w-]+)$/;

function renderComment(json: string | null): ReactNode[] {
  let next = 0;
  const key = (): number => next++;
  const list = (node: LexicalList<ReactNode>): ReactNode => {
    const items = node.items.map((item) => (
      <li key={key()}>
        {item.content}
        {item.lists.map(list)}
      </li>
    ));
    return node.type === 'number' ? (
      <ol key={key()} start={node.start}>
        {items}
      </ol>
    ) : (
      <ul key={key()}>{items}</ul>
    );
  };
  return renderLexical<ReactNode, ReactNode>(json, {
    text: (text, format) => {
      let content: ReactNode = text;
      if (format.code) content = <code>{content}</code>;
      if (format.underline) content = <u>{content}</u>;
      if (format.strikethrough) content = <s>{content}</s>;
      if (format.italic) content = <em>{content}</em>;
      if (format.bold) content = <strong>{content}</strong>;
      return [<span key={key()}>{content}</span>];
    },
    lineBreak: () => [<br key={key()} />],
    tab: () => [<span key={key()}>{'\t'}</span>],
    link: (url, label) => {
      const cited = url === null ? null : CITATION.exec(url);
      if (cited) {
        // A citation of another note: jump to its span instead of leaving the app.
        return [
          <a
            key={key()}
            href={url!}
            className="citation-link"
            onClick={(event) => {
              event.preventDefault();
              void flashAnnotation(cited[1]!, true);
            }}
          >
            {label}
          </a>,
        ];
      }
      return [
        url !== null && isSafeUrl(url) ? (
          <a key={key()} href={url} target="_blank" rel="noreferrer noopener">
            {label}
          </a>
        ) : (
          <span key={key()}>{label}</span>
        ),
      ];
    },
    paragraph: (content) => <p key={key()}>{content}</p>,
    heading: (_tag, content) => (
      <p key={key()} className="rt-heading">
        <strong>{content}</strong>
      </p>
    ),
    quote: (content) => <blockquote key={key()}>{content}</blockquote>,
    list,
  });
}

export function CommentView({ json }: { json: string | null }): JSX.Element | null {
  if (!parseLexicalState(json)) return null;
  return <div className="comment-view">{renderComment(json)}</div>;
}
