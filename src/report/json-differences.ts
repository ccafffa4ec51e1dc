/**
 * The paths at which two JSON values differ, for saying exactly which stored field disagrees with its recomputation.
 *
 * @param stored - the value as read
 * @param derived - the value as recomputed
 * @param path - the path of these values, for the messages
 * @param limit - most differences listed @defaultValue 10
 * @returns `path: stored X, recomputed Y` lines, empty when the values are equal
 * @example
 * ```ts
 * jsonDifferences({ gate: { passed: true } }, { gate: { passed: false } }, '') // ['/gate/passed: stored true, recomputed false']
 * ```
 */
export function jsonDifferences(stored: unknown, derived: unknown, path = '', limit = 10): string[] {
  const found: string[] = []
  walk(stored, derived, path, found, limit)
  return found
}

function walk(stored: unknown, derived: unknown, path: string, found: string[], limit: number): void {
  if (found.length >= limit) return
  if (Object.is(stored, derived)) return
  const bothArrays = Array.isArray(stored) && Array.isArray(derived)
  const bothObjects = isPlainObject(stored) && isPlainObject(derived)
  if (bothArrays) {
    if (stored.length !== derived.length) found.push(`${path || '/'}: stored ${stored.length} entries, recomputed ${derived.length}`)
    for (let index = 0; index < Math.min(stored.length, derived.length); index++) walk(stored[index], derived[index], `${path}/${index}`, found, limit)
    return
  }
  if (bothObjects) {
    const keys = new Set([...Object.keys(stored), ...Object.keys(derived)])
    for (const key of keys) walk(stored[key], derived[key], `${path}/${key}`, found, limit)
    return
  }
  if (JSON.stringify(stored) === JSON.stringify(derived)) return
  found.push(`${path || '/'}: stored ${brief(stored)}, recomputed ${brief(derived)}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function brief(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}
