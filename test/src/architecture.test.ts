/**
 * The house's layering, checked on every import of src/ (static and dynamic): the folders form a graph without
 * cycles, `util/` and `record/` sit at the bottom, `stats/` builds on `util/` alone, and src/ never reaches up into
 * matchers/ or reporters/ (but for the one type-only export that makes `import 'vitest-ml'` type `expect`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : []
  })
}

/** The folder of src/ a file belongs to ('' for the entry points at src/ itself), or the path outside src/. */
const folderOf = (path: string): string => {
  const rel = relative(SRC, path)
  return rel.startsWith('..') ? `outside:${relative(join(SRC, '..'), path).split(sep).join('/')}` : rel.includes(sep) ? rel.split(sep)[0]! : ''
}

interface ImportEdge {
  readonly from: string
  readonly to: string
  readonly file: string
  readonly typeOnly: boolean
}

const edges: ImportEdge[] = sourceFiles(SRC)
  .flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/^\s*(import|export)(\s+type)?[^'";]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm)].map((match) => {
      const target = resolve(dirname(file), (match[3] ?? match[4])!)
      return { from: folderOf(file), to: folderOf(target), file: relative(SRC, file), typeOnly: match[2] !== undefined }
    })
  })
  .filter((edge) => edge.from !== edge.to)

const dependencies = new Map<string, Set<string>>()
for (const edge of edges) {
  if (edge.from === '') continue // the entry points (index, plugin, cli) may use every folder
  dependencies.set(edge.from, new Set([...(dependencies.get(edge.from) ?? []), edge.to]))
}

describe('architecture of src/', () => {
  it('has folders that depend on each other without cycles', () => {
    const cycles: string[] = []
    const visit = (folder: string, path: readonly string[]): void => {
      if (path.includes(folder)) {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '))
        return
      }
      for (const next of dependencies.get(folder) ?? []) visit(next, [...path, folder])
    }
    for (const folder of dependencies.keys()) visit(folder, [])
    expect(cycles).toEqual([])
    expect(dependencies.size).toBeGreaterThan(8)
  })

  it('keeps util/ and record/ at the bottom and stats/ on util/ alone', () => {
    expect([...(dependencies.get('util') ?? [])]).toEqual([])
    expect([...(dependencies.get('record') ?? [])]).toEqual([])
    expect([...(dependencies.get('stats') ?? [])]).toEqual(['util'])
    for (const [folder, targets] of dependencies)
      expect(
        [...targets].filter((target) => target === ''),
        `${folder} imports an entry point`,
      ).toEqual([])
  })

  it('never imports matchers/ or reporters/ from src/, but for the root entry re-exporting the matcher typings and options types', () => {
    const upward = edges.filter((edge) => edge.to.startsWith('outside:'))
    expect(upward.length).toBeGreaterThan(0)
    const stray = upward.filter((edge) => !(edge.file === 'index.ts' && edge.typeOnly && edge.to.startsWith('outside:matchers/')))
    expect(stray.map((edge) => `${edge.file} -> ${edge.to} ${edge.typeOnly ? '(type)' : ''}`.trim())).toEqual([])
  })
})
