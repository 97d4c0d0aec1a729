/**
 * GitHub Actions workflow commands (`::error file=…::message`), escaped exactly as @actions/core
 * does, so a `%`, `:`, `,` or newline in a message cannot end or corrupt the command.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Message text: `%` → `%25`, CR → `%0D`, LF → `%0A`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: as `escapeData`, plus `:` → `%3A` and `,` → `%2C`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  file?: string;
  /** Omitted when 0 (the whole file). */
  line?: number;
  col?: number;
  title?: string;
}

/** One annotation line, without the trailing newline. */
export function annotation(level: AnnotationLevel, props: AnnotationProperties, message: string): string {
  const parts: string[] = [];
  if (props.file) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.line) parts.push(`line=${props.line}`);
  if (props.line && props.col) parts.push(`col=${props.col}`);
  if (props.title) parts.push(`title=${escapeProperty(props.title)}`);
  const head = parts.length > 0 ? `::${level} ${parts.join(',')}` : `::${level}`;
  return `${head}::${escapeData(message)}`;
}
