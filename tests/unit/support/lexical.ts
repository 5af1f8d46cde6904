/** Builds a serialised Lexical editor state, as the comment editor saves it. */
export function lexicalState(...blocks: object[]): string {
  return JSON.stringify({
    root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: blocks },
  });
}

export const text = (value: string, format = 0): object => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});

export const paragraph = (...children: object[]): object => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
});

export const link = (url: string, ...children: object[]): object => ({
  type: 'link',
  version: 1,
  url,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
});

export const list = (listType: 'bullet' | 'number', ...items: object[][]): object => ({
  type: 'list',
  version: 1,
  listType,
  start: 1,
  tag: listType === 'number' ? 'ol' : 'ul',
  format: '',
  indent: 0,
  direction: 'ltr',
  children: items.map((children, i) => ({
    type: 'listitem',
    version: 1,
    value: i + 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children,
  })),
});

export const quote = (...children: object[]): object => ({
  type: 'quote',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
});
