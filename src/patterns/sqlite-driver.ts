import { createRequire } from 'node:module'
import { VitestMlError } from '../util/errors.js'

/** A prepared statement of better-sqlite3, typed by shape so the package stays an optional peer dependency. */
export interface SqliteStatement {
  /** Runs it (INSERT, UPDATE). */
  run(...params: unknown[]): { readonly changes: number }
  /** The first row, or `undefined`. */
  get(...params: unknown[]): unknown
  /** Every row. */
  all(...params: unknown[]): unknown[]
}

/** A better-sqlite3 connection: synchronous, so reads can feed a synchronous matcher directly. */
export interface SqliteDatabase {
  /** Runs a PRAGMA. */
  pragma(source: string, options?: { readonly simple?: boolean }): unknown
  /** Runs SQL without parameters (schema). */
  exec(sql: string): unknown
  /** Prepares a statement. */
  prepare(sql: string): SqliteStatement
  /** Wraps `fn` in BEGIN / COMMIT (ROLLBACK when it throws). */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R
  /** Closes the connection. */
  close(): unknown
  /** Whether the connection is open. */
  readonly open: boolean
}

type SqliteConstructor = new (path: string, options?: { readonly readonly?: boolean; readonly timeout?: number }) => SqliteDatabase

const require = createRequire(import.meta.url)

/**
 * Opens an SQLite database with better-sqlite3, loaded on first use so projects that never log to SQLite need not
 * install it (a native addon: it builds from source where no prebuilt binary can be fetched).
 *
 * @param source - public name for errors
 * @param path - database file (`':memory:'` for a private in-memory one)
 * @param options - read-only, busy timeout in ms
 * @returns the connection
 * @example
 * ```ts
 * const db = openSqlite('sqlitePredictionLog', 'logs/predictions.db', { timeout: 5000 })
 * ```
 */
export function openSqlite(source: string, path: string, options: { readonly readonly?: boolean; readonly timeout?: number } = {}): SqliteDatabase {
  let Database: SqliteConstructor
  try {
    Database = require('better-sqlite3') as SqliteConstructor
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error
    throw new VitestMlError(
      source,
      'the better-sqlite3 package (an optional peer dependency of vitest-ml)',
      'a project without it',
      'Install it next to vitest-ml with `npm install better-sqlite3` (version 12 on Node 20), or log to a `JsonlFileSink`.',
      { cause: error },
    )
  }
  try {
    return new Database(path, options)
  } catch (error) {
    throw new VitestMlError(
      source,
      `an SQLite database at ${path}`,
      (error as Error)?.message ?? String(error),
      'Check the folder exists and is writable, and that the file is an SQLite database.',
      { cause: error },
    )
  }
}
