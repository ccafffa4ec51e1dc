import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

function packageRoot(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('vega-datasets'))
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder)
  return folder
}

const root = packageRoot()

/**
 * Path of a file shipped in the vega-datasets package (its exports map hides the data folder from imports).
 *
 * @param file - file name inside `data/`, e.g. `penguins.json`
 */
export function vegaDataPath(file: string): string {
  return join(root, 'data', file)
}

/**
 * Parsed rows of a JSON file shipped in vega-datasets.
 *
 * @param file - file name inside `data/`, e.g. `cars.json`
 */
export function vegaJson(file: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(vegaDataPath(file), 'utf8')) as Record<string, unknown>[]
}
