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
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best === null || best === word ? '' : ` (did you mean \`${best}\`?)`;
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
