// The handout (or edition) as a Word document: title and instructions, each record's citation and
// rights, a two-column table of the chosen rows (or one column for one language), notes as real
// Word footnotes, then the glossary and the questions. Built with npm `docx` from the same model
// as the HTML, so the two say the same thing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type {
  EditionDocument,
  EditionNote,
  EditionPassage,
  EditionRun,
  EditionSection,
} from '@shared/edition';
import { TRANSLATION_NOTE_LABELS } from '@shared/model';
import { lexicalToDocx } from './docx-lexical';

const FONT = 'Times New Roman';
/** A4 width minus two 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BFB8AA' };

/** The category colour mixed with white, light enough to read black text on. */
function tint(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 'FFF2A8';
  const value = parseInt(m[1]!, 16);
  const mix = (c: number): string =>
    Math.round(c + (255 - c) * 0.6)
      .toString(16)
      .padStart(2, '0');
  return [value >> 16, (value >> 8) & 255, value & 255].map(mix).join('').toUpperCase();
}

function runChildren(run: EditionRun, colours: Map<string, string>): ParagraphChild[] {
  const colour = run.categoryIds.length > 0 ? colours.get(run.categoryIds[0]!) : undefined;
  const children: ParagraphChild[] = [
    new TextRun({
      text: run.text,
      shading: colour ? { type: ShadingType.CLEAR, color: 'auto', fill: colour } : undefined,
    }),
  ];
  for (const ref of run.refs) {
    // A footnote has one reference; the second span of a bilingual note repeats its number.
    children.push(
      ref.kind === 'note' && ref.primary
        ? new FootnoteReferenceRun(ref.number)
        : new TextRun({ text: ref.label, superScript: true, bold: ref.kind === 'question' }),
    );
  }
  return children;
}

function cellParagraphs(passages: EditionPassage[], colours: Map<string, string>): Paragraph[] {
  return passages.map(
    (p) =>
      new Paragraph({
        spacing: { after: 80 },
        children: p.runs.flatMap((r) => runChildren(r, colours)),
      }),
  );
}

function alignedTable(
  section: EditionSection,
  doc: EditionDocument,
  colours: Map<string, string>,
): Table {
  const sides = (['original', 'translation'] as const).filter(
    (s) => doc.languages === 'both' || doc.languages === s,
  );
  const width = Math.floor(TEXT_WIDTH / sides.length);
  const label = {
    original: `Original · ${section.languages.original.name}`,
    translation: `Translation · ${section.languages.translation.name}`,
  };
  const header = new TableRow({
    tableHeader: true,
    children: sides.map(
      (side) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EFEAE0' },
          children: [new Paragraph({ children: [new TextRun({ text: label[side], bold: true })] })],
        }),
    ),
  });
  const rows = section.rows.map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: sides.map((side) => {
          const list = row[side];
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            children:
              list.length > 0
                ? cellParagraphs(list, colours)
                : [
                    new Paragraph({
                      children: [
                        new TextRun({
                          text: `No ${section.languages[side].name} counterpart`,
                          italics: true,
                          color: '6B6458',
                        }),
                      ],
                    }),
                  ],
          });
        }),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: sides.map(() => width),
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [header, ...rows],
  });
}

function footnote(note: EditionNote): { children: Paragraph[] } {
  const quotes = note.quotes.map((q) => `“${q.text}”`).join(' / ');
  const meta = [
    note.categoryName,
    note.noteType ? TRANSLATION_NOTE_LABELS[note.noteType] : null,
    note.tags.length > 0 ? note.tags.map((t) => `#${t}`).join(' ') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const head = new Paragraph({
    style: 'FootnoteText',
    children: [new TextRun({ text: quotes, italics: true }), new TextRun({ text: ` — ${meta}` })],
  });
  const body = lexicalToDocx(note.commentJson, 'FootnoteText');
  if (body.length === 0 && note.commentText) {
    body.push(new Paragraph({ style: 'FootnoteText', children: [new TextRun(note.commentText)] }));
  }
  const replies = note.thread.flatMap((r) => [
    new Paragraph({
      style: 'FootnoteText',
      children: [
        new TextRun({
          text: `Follow-up, ${new Date(r.createdAt).toISOString().slice(0, 10)}:`,
          italics: true,
        }),
      ],
    }),
    ...(lexicalToDocx(r.json, 'FootnoteText').length > 0
      ? lexicalToDocx(r.json, 'FootnoteText')
      : [new Paragraph({ style: 'FootnoteText', children: [new TextRun(r.text)] })]),
  ]);
  return { children: [head, ...body, ...replies] };
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

function sectionBlocks(
  section: EditionSection,
  doc: EditionDocument,
  colours: Map<string, string>,
): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  if (doc.sections.length > 1 || doc.title !== section.title) {
    blocks.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title }));
  }
  for (const fact of section.facts) blocks.push(labelled(fact.label, fact.value));
  blocks.push(labelled('Citation', section.citation));
  if (section.rights) {
    const [first = '', ...more] = section.rights.split(/\n\s*\n/);
    blocks.push(labelled('Rights', first.trim()));
    for (const p of more)
      blocks.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun(p.trim())] }));
  }
  blocks.push(
    new Paragraph({ text: '' }),
    alignedTable(section, doc, colours),
    new Paragraph({ text: '' }),
  );
  return blocks;
}

function glossaryBlocks(doc: EditionDocument): (Paragraph | Table)[] {
  if (!doc.glossary || doc.glossary.length === 0) return [];
  const widths = [
    Math.floor(TEXT_WIDTH * 0.3),
    Math.floor(TEXT_WIDTH * 0.3),
    Math.floor(TEXT_WIDTH * 0.4),
  ];
  const cell = (text: string, i: number, bold = false): TableCell =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Glossary' }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: BORDER,
        bottom: BORDER,
        left: BORDER,
        right: BORDER,
        insideHorizontal: BORDER,
        insideVertical: BORDER,
      },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Term', 'Rendering', 'Note'].map((t, i) => cell(t, i, true)),
        }),
        ...doc.glossary.map(
          (g) =>
            new TableRow({
              children: [cell(g.term, 0), cell(g.renderings.join('; '), 1), cell(g.note, 2)],
            }),
        ),
      ],
    }),
  ];
}

function questionBlocks(doc: EditionDocument): Paragraph[] {
  if (!doc.questions || doc.questions.length === 0) return [];
  const blocks = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Questions' })];
  for (const q of doc.questions) {
    const about = q.quote
      ? [new TextRun({ text: ` (on “${q.quote}”)`, italics: true, color: '5C564C' })]
      : [];
    blocks.push(
      new Paragraph({
        numbering: { reference: 'questions', level: 0 },
        spacing: { after: 120 },
        children: [new TextRun(q.text), ...about],
      }),
    );
  }
  return blocks;
}

/** The .docx file's bytes. */
export async function renderEditionDocx(doc: EditionDocument): Promise<Uint8Array> {
  const colours = new Map(doc.categories.map((c) => [c.id, tint(c.color)]));
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const section of doc.sections) {
    for (const note of section.notes) footnotes[String(note.number)] = footnote(note);
  }
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: doc.title }),
    ...doc.instructions.map(
      (p) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(p)] }),
    ),
    ...doc.sections.flatMap((s) => sectionBlocks(s, doc, colours)),
    ...glossaryBlocks(doc),
    ...questionBlocks(doc),
  ];
  const document = new Document({
    creator: doc.generator,
    title: doc.title,
    description: 'Teaching handout made with Marginalia',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        title: { run: { font: FONT, size: 40, bold: true } },
        heading1: {
          run: { font: FONT, size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'questions',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 400, hanging: 400 } } },
            },
          ],
        },
      ],
    },
    footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '6B6458' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
