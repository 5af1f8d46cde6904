import { SAFE_LINK } from '@shared/lexical/serialized';

/** Links in comments may point to the web, to e-mail, or into the app; nothing that runs code. */
export function isSafeUrl(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}

/** Adds https:// to a bare address such as "example.org/page". */
export function normaliseUrl(input: string): string {
  const url = input.trim();
  if (url === '') return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `https://${url}`;
}
