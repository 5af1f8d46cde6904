// Paragraphs of a Word (.docx) file, read with mammoth: the document becomes simple HTML
// (headings, paragraphs, list items), which parse5 reduces to lines of text. Images and links
// to outside files are never loaded, and the archive is checked against the import limits
// (entries, unpacked size, paragraphs) before mammoth unpacks anything.
import mammoth from 'mammoth';
import { badFile } from './errors';
import { htmlToText } from './html-text';
import { assertLineCount, checkZipArchive } from './limits';

export interface DocxText {
  paragraphs: string[];
  /** The document's title or first level-one heading. */
  heading: string | null;
}

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Paragraph elements (<w:p> or <w:p …>) in document.xml, counted without parsing it. */
function wordParagraphs(xml: Buffer): number {
  let found = 0;
  for (let at = xml.indexOf('<w:p'); at >= 0; at = xml.indexOf('<w:p', at + 4)) {
    const next = xml[at + 4];
    // "<w:p>", "<w:p/>" or "<w:p w:rsidR=…>", not "<w:pPr>" or "<w:proofErr>".
    if (next === 0x3e || next === 0x2f || next === 0x20) found++;
  }
  return found;
}

/** True when the bytes start like a ZIP archive, as every .docx does. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  if (bytes.byteLength === 0) throw badFile('The file is empty.');
  if (!isZip(bytes)) {
    throw badFile(
      'This is not a Word .docx file (an older .doc or another format renamed?). Open it in Word or LibreOffice and save it as .docx.',
    );
  }
  const parts = checkZipArchive(bytes, 'This Word file');
  const body = parts.get('word/document.xml');
  if (body) assertLineCount(wordParagraphs(body), 'paragraphs', 'This Word file');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw badFile('This Word file is damaged or is not a .docx document; it could not be read.');
  }
  const text = htmlToText(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const paragraphs = text.lines.map((line) => line.normalize('NFC'));
  if (paragraphs.length === 0) throw badFile('The Word file holds no text.');
  return { paragraphs, heading: text.heading?.normalize('NFC') ?? null };
}
