// Control characters: what imported text may keep of them (tab and newline), what a name may
// hold (none), and how text is shown on a terminal, where ESC, BEL or a C1 control would
// otherwise retitle the window, clear the screen or recolour what follows.
/* eslint-disable no-control-regex -- matching control characters is this file's purpose */

/** C0 controls but tab and newline, DEL, and the C1 controls. */
const STRIPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const HAS_STRIPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Any C0 or C1 control, or DEL. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Characters that reverse or isolate the direction of text around them. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Imported text without control characters: tab and newline stay; a carriage return becomes a
 * newline (so no line is lost); every other control (NUL, ESC, BEL, BS, DEL, C1) is removed.
 */
export function stripControls(text: string): string {
  if (!HAS_STRIPPED.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(STRIPPED, '');
}

/** True when a name holds a control character of any kind (tab and newline included). */
export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** Text without the characters that reverse its direction (U+202E makes "gnp.exe" read ".png"). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Text as a terminal may print it: every control but newline (and tab) shown as a visible
 * escape ("\u001b", "\u009b"), and direction overrides as "<U+202E>", so nothing written to the
 * terminal can act on it.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => {
      if (c === '\n' || c === '\t') return c;
      // \u001b rather than \x1b: the same escape is valid inside a JSON string.
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })
    .replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
}

/**
 * Every string in a value made of plain objects and arrays (bytes left as they are), with
 * controls stripped: for whole
 * parsed files (a record, an annotation file). Walked with a stack, so no nesting can overflow.
 */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child === 'string') {
        const clean = stripControls(child);
        if (clean !== child) node[key] = clean;
      } else if (typeof child === 'object' && child !== null && !ArrayBuffer.isView(child)) {
        // Bytes (a scan's page images) hold no text: walking them would visit every byte.
        stack.push(child);
      }
    }
  }
  return value;
}
