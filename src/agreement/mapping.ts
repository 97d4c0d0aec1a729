/**
 * Reading a YAML mapping (`parties`, `calendars`, `services`, `data`, …) by a key the user wrote.
 * A plain object answers `map.constructor` or `map.toString` from Object.prototype (a function), so a
 * lookup by a user-written id or column name must look only at the mapping's own entries (issue 14).
 */
export function ownValue<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
