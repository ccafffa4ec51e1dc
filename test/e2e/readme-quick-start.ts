import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const README = fileURLToPath(new URL('../../README.md', import.meta.url))

/**
 * The README's quick start, exactly as written: every code block that starts with a file-name comment
 * (`// vitest.config.ts`, `// model.test.ts`), by file name. The packed-package scenarios run these files, so the quick
 * start a stranger copies is the one CI runs.
 *
 * @returns file name to content
 */
export function readmeQuickStart(): Record<string, string> {
  const text = readFileSync(README, 'utf8')
  const section = text.slice(text.indexOf('## Quick start'), text.indexOf('\n## ', text.indexOf('## Quick start') + 1))
  const files: Record<string, string> = {}
  for (const match of section.matchAll(/```ts\n\/\/ (\S+\.ts)\n([\s\S]*?)```/g)) files[match[1] as string] = match[2] as string
  if (files['vitest.config.ts'] === undefined || files['model.test.ts'] === undefined) {
    throw new Error('README.md: the quick start must have a `// vitest.config.ts` and a `// model.test.ts` code block')
  }
  return files
}
