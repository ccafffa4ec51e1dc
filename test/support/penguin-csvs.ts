/**
 * Training and test CSVs for `vitest-ml init`, made from vega-datasets' penguins.json the way a team would export them
 * for the skl2onnx pipeline in models/converters/penguins-pipeline-zipmap.onnx: snake_case columns named like the
 * model's inputs, the species as label, and the split its converter script used (the test rows are the ones listed in
 * penguins-pipeline-zipmap.rows.json; rows with a missing field or Sex "." were dropped before training).
 */
import { readFileSync } from 'node:fs'
import { vegaJson } from './vega-data.js'

const COLUMNS = {
  species: 'Species',
  island: 'Island',
  beak_length_mm: 'Beak Length (mm)',
  beak_depth_mm: 'Beak Depth (mm)',
  flipper_length_mm: 'Flipper Length (mm)',
  body_mass_g: 'Body Mass (g)',
  sex: 'Sex',
} as const

/** One penguin as a CSV row (column name to cell). */
export type PenguinRow = Record<keyof typeof COLUMNS, string | number | null>

/** The penguins of the converter's split: training rows and test rows. */
export function penguinSplit(): { train: PenguinRow[]; test: PenguinRow[] } {
  const all = vegaJson('penguins.json')
  const manifest = JSON.parse(readFileSync(new URL('../../models/converters/penguins-pipeline-zipmap.rows.json', import.meta.url), 'utf8')) as {
    source_rows: number[]
  }
  const testRows = new Set(manifest.source_rows)
  const rows = all.map(
    (penguin) =>
      Object.fromEntries(Object.entries(COLUMNS).map(([column, source]) => [column, (penguin[source] ?? null) as string | number | null])) as PenguinRow,
  )
  const complete = (row: PenguinRow): boolean => Object.values(row).every((value) => value !== null) && row.sex !== '.'
  return {
    train: rows.filter((row, index) => !testRows.has(index) && complete(row)),
    test: manifest.source_rows.map((index) => rows[index] as PenguinRow),
  }
}

/**
 * Rows as CSV text: a header of the columns, then one line per row (missing cells empty, text quoted when needed).
 *
 * @param rows - the rows
 */
export function toCsv(rows: readonly Record<string, string | number | null>[]): string {
  const columns = Object.keys(rows[0] ?? {})
  const cell = (value: string | number | null): string =>
    value === null ? '' : typeof value === 'number' ? String(value) : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
  return `${[columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column] ?? null)).join(','))].join('\n')}\n`
}
