/** The ingest stage's public surface: the row contract, the CSV reader that fulfils it, and the header reader `validate` uses. */
export { DataFileError, readCsv, type ReadCsvOptions, type UnreadableReason } from './csv.js';
export { MAX_HEADER_BYTES, readHeader, type HeaderProblem, type HeaderRead, type ReadHeader, type ReadHeaderOptions } from './header.js';
export { ColumnError, type DataSource, type ReadRows, type ReadSummary, type RowSink } from './source.js';
