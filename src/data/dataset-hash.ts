import { createHash, type Hash } from 'node:crypto'
import type { Column, Dataset } from './dataset.js'

const TAG = { number: 1, string: 2, boolean: 3, missing: 4, other: 5 } as const
const CHUNK = 65_536

/**
 * SHA-256 of a canonical encoding of a dataset, for provenance in reports: equal data gives an equal hash whichever
 * file format it was read from and whatever the dataset is named; any changed value, column name, column order or row
 * order changes it. The encoding is a version line, then per column its name and every cell in row order: numbers as
 * IEEE-754 float64 little-endian (every NaN, and `null` in numeric columns, as one missing tag; -0 as 0), text as UTF-8
 * with its byte length, booleans as one byte.
 *
 * @param dataset - the dataset to fingerprint
 * @returns lower-case hex SHA-256 (64 characters)
 * @example
 * ```ts
 * datasetHash(datasetFromColumns({ x: [1, 2] })) === datasetHash(datasetFromRows([{ x: 1 }, { x: 2 }])) // true
 * datasetHash(datasetFromColumns({ x: [1, 2] })) // '4c3e…' (64 hex characters)
 * ```
 */
export function datasetHash(dataset: Dataset): string {
  const hash = createHash('sha256')
  hash.update(`vitest-ml-dataset-v1\n${dataset.rowCount}\n${dataset.columnNames.length}\n`)
  for (const name of dataset.columnNames) {
    const nameBytes = Buffer.from(name, 'utf8')
    hash.update(u32(nameBytes.length))
    hash.update(nameBytes)
    hashColumn(hash, dataset.column(name))
  }
  return hash.digest('hex')
}

function hashColumn(hash: Hash, column: Column): void {
  const buffer = Buffer.alloc(CHUNK * 9)
  let offset = 0
  const flush = (): void => {
    hash.update(buffer.subarray(0, offset))
    offset = 0
  }
  for (let index = 0; index < column.length; index++) {
    const value = column[index]
    if (offset > buffer.length - 9) flush()
    if (typeof value === 'number' && !Number.isNaN(value)) {
      buffer[offset] = TAG.number
      buffer.writeDoubleLE(value === 0 ? 0 : value, offset + 1)
      offset += 9
    } else if (value === null || value === undefined || typeof value === 'number') {
      buffer[offset++] = TAG.missing
    } else if (typeof value === 'boolean') {
      buffer[offset++] = TAG.boolean
      buffer[offset++] = value ? 1 : 0
    } else {
      flush()
      const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8')
      hash.update(Buffer.from([typeof value === 'string' ? TAG.string : TAG.other]))
      hash.update(u32(bytes.length))
      hash.update(bytes)
    }
  }
  flush()
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32LE(value)
  return bytes
}
