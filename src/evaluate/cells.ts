/**
 * How a data set's timestamp cells are read (SPEC 9.1 `timestamps`, `locale`): one parser per data
 * set, and the message for a cell that does not match, naming the expected format with an example.
 */
import type { DataSource } from '../data/source.js';
import { readTimestampFormat } from '../time/timestamp-format.js';
import { describeBadCell, makeCellParser } from '../time/timestamps.js';

export interface TimestampCells {
  /** Epoch ms of a cell; NaN for one that does not match the format. */
  parse(text: string): number;
  /** Why `text` is not a timestamp of this data set, for the problem naming its cell. */
  describe(text: string): string;
}

export function timestampCells(ds: DataSource): TimestampCells {
  const format = readTimestampFormat(ds.timestamps);
  const locale = ds.locale ?? 'en-US';
  return {
    parse: makeCellParser({ format, zone: ds.timezone, locale }),
    describe: (text) => describeBadCell(text, format, ds.timezone, locale),
  };
}
