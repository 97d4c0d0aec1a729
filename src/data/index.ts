/** The ingest stage's public surface: the row contract, and the CSV reader that fulfils it. */
export { DataFileError, readCsv, type ReadCsvOptions, type UnreadableReason } from './csv.js';
export type { DataSource, ReadRows, RowSink } from './source.js';
