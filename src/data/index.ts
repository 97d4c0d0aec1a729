/** The ingest stage's public surface: the row contract, and the CSV reader that fulfils it. */
export { DataFileError, readCsv, type ReadCsvOptions, type UnreadableReason } from './csv.js';
export { ColumnError, type DataSource, type ReadRows, type ReadSummary, type RowSink } from './source.js';
