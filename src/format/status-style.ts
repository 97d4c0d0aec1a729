/** How a status looks: terminal colour, the Markdown marker and the HTML symbol (one place, so formats agree). */
import type { ChalkInstance } from 'chalk';
import type { Status } from '../evaluate/result.js';

/** met green, at-risk yellow, breached red, excused cyan, no-data grey. */
export function paintStatus(chalk: ChalkInstance, status: Status, text: string = status): string {
  switch (status) {
    case 'met':
      return chalk.green(text);
    case 'at-risk':
      return chalk.yellow(text);
    case 'breached':
      return chalk.red(text);
    case 'excused':
      return chalk.cyan(text);
    case 'no-data':
      return chalk.gray(text);
  }
}

export const STATUS_MARK: Readonly<Record<Status, string>> = {
  met: '✅',
  'at-risk': '⚠️',
  breached: '❌',
  excused: '⏸',
  'no-data': '·',
};

/** The HTML report's shape per status: the same in its charts, legend, badges and tables. */
export const STATUS_SYMBOL: Readonly<Record<Status, string>> = {
  met: '●',
  'at-risk': '◆',
  breached: '✕',
  excused: '■',
  'no-data': '○',
};
