/** Text inside a GitHub-flavoured Markdown table cell: `|` would end the cell, a newline the row. */
export function markdownCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}
