/**
 * Flattens a pipeline output into named leaves, so two outputs can be compared field by field and the differing field
 * named: records by key (`income`, `address.zip`), arrays and typed arrays by index (`[2]`), a scalar as ``.
 *
 * @param value - a number, string, boolean, null, array, typed array or record
 * @param prefix - the path so far
 * @param into - the map to add leaves to
 * @returns leaf path to value
 * @example
 * ```ts
 * flattenOutput({ age: 0.3, tags: [1, 0] }) // Map { 'age' => 0.3, 'tags[0]' => 1, 'tags[1]' => 0 }
 * ```
 */
export function flattenOutput(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const items = Array.from(value as ArrayLike<unknown>)
    for (const [index, item] of items.entries()) flattenOutput(typeof item === 'bigint' ? Number(item) : item, `${prefix}[${index}]`, into)
    if (items.length === 0) into.set(prefix, '[]')
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) flattenOutput(item, prefix === '' ? key : `${prefix}.${key}`, into)
  } else {
    into.set(prefix, typeof value === 'bigint' ? Number(value) : value === undefined ? null : value)
  }
  return into
}
