import { closestName } from '../../agreement/suggest.js';

/** Wording for "unknown X" messages: the known names, and a suggestion for a likely typo. */

const MAX_LISTED = 12;

/** `a, b, c`, or `none are declared` for an empty list. */
export function knownNames(names: readonly string[]): string {
  if (!names.length) return '(none declared)';
  // a long list helps nobody: name the first few and count the rest
  return names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more` : names.join(', ');
}

/** ` (did you mean \`x\`?)` when a known name is a close edit of `word`, else ``. */
export function didYouMean(word: string, names: readonly string[]): string {
  const best = closestName(word, names, Math.max(1, Math.floor(word.length / 3)));
  return best === undefined || best === word ? '' : ` (did you mean \`${best}\`?)`;
}
