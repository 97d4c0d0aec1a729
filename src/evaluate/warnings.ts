/**
 * SPEC 9.2 "no silent green": what a run found suspicious, one warning per cause (never per row),
 * as data; `src/format/warnings.ts` puts them in words.
 */

interface WarningBase {
  /** The objective's agreement, or the agreement declaring the data set. */
  agreement: string;
  /** null for warnings about a data set. */
  objective: string | null;
  /** The CSV for data-set warnings, the YAML otherwise (relative to the working directory). */
  file: string;
  /** The first offending CSV line, or the YAML node's line; null when neither applies. */
  line: number | null;
}

export type RunWarning = WarningBase &
  (
    /** A `where` value no row of the data set has; `seen`: up to five values the column does have. */
    | { code: 'where-matched-nothing'; column: string; value: string; seen: string[]; dataFile: string }
    /** A data set with no rows at all. */
    | { code: 'data-empty' }
    /** Rows placed before or after the validity of every agreement reading the data set. */
    | { code: 'outside-validity'; rows: number }
    /** Every reported window of the objective has no data. */
    | { code: 'all-no-data'; windows: number }
    /** A pause column larger than the duration it is subtracted from, on more than 1% of records. */
    | { code: 'pause-exceeds-duration'; column: string; records: number; of: number }
    /** SPEC 9.7: report log rows whose `for` value names no occurrence; `values`: the first few. */
    | { code: 'delivery-unmatched'; column: string; rows: number; values: string[] }
    /** Rows left out for a bad cell (`invalid: skip`); `lines`: the first five. */
    | { code: 'invalid-rows'; rows: number; lines: number[] }
  );

export type WarningCode = RunWarning['code'];
