/** Text inside a GitHub-flavoured Markdown table cell: `|` would end the cell, a newline the row. */
export function markdownCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}

/** Text in Markdown prose or a heading: HTML-like `<x>` and `&` shown as written, not interpreted. */
export function markdownText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n|\r/g, ' ');
}
