/** A language tag fit for lang / xml:lang (BCP 47 shape); anything else becomes "und". */
export function langTag(tag: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'und';
}
