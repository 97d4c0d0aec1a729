/** slacheck v1's CSV timestamp parser, the reference of the v1.1 ISO cell parser (see the .mjs). */
export function parseTimestampV1(s: string, zone: { localToUtc(localMs: number): number }): number;
