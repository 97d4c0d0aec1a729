/** HTML text and attribute escaping: every user string (titles, ids, party names, CSV values) goes through here. */

// characters HTML forbids in a document (C0 controls other than whitespace, DEL, C1 controls, non-characters)
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/** Text content or a double-quoted attribute value: `&`, `<`, `>`, `"` and `'` as character references. */
export function esc(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
