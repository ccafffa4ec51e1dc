import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Attestation, verifyAttestation } from '../../../src/checklist/attestation.js'

const root = mkdtempSync(join(tmpdir(), 'vitest-ml-attest-'))
mkdirSync(join(root, 'docs'))
writeFileSync(join(root, 'docs', 'rollback.md'), '# Rollback\nRevert the model tag.\n')
writeFileSync(join(root, 'docs', 'empty.md'), '')
const outside = mkdtempSync(join(tmpdir(), 'vitest-ml-outside-'))
writeFileSync(join(outside, 'plan.md'), 'elsewhere')
symlinkSync(join(outside, 'plan.md'), join(root, 'docs', 'linked-out.md'))
symlinkSync(join(root, 'docs', 'rollback.md'), join(root, 'docs', 'linked-in.md'))

const now = new Date('2026-11-30T12:00:00Z')
const attest = (file: string, date = '2026-11-20', extra: Partial<Attestation> = {}): Attestation => ({ file, owner: 'ml-platform', date, ...extra })
const verify = (attestation: Attestation, maxAgeDays?: number) =>
  verifyAttestation(attestation, root, { now, ...(maxAgeDays === undefined ? {} : { maxAgeDays }) })

describe('verifyAttestation', () => {
  it('accepts a non-empty regular file inside the root, directly or through a link that stays inside', () => {
    expect(verify(attest('docs/rollback.md'))).toEqual({ ok: true })
    expect(verify(attest(join(root, 'docs', 'rollback.md')))).toEqual({ ok: true })
    expect(verify(attest('docs/linked-in.md'))).toEqual({ ok: true })
  })

  it.each([
    ['/etc/passwd', 'attested file /etc/passwd is outside the project root (owner ml-platform, 2026-11-20)'],
    ['/', 'attested file / is outside the project root (owner ml-platform, 2026-11-20)'],
    ['/dev/null', 'attested file /dev/null is outside the project root (owner ml-platform, 2026-11-20)'],
    ['../outside.md', 'attested file ../outside.md is outside the project root (owner ml-platform, 2026-11-20)'],
    ['.', 'attested file . is outside the project root (owner ml-platform, 2026-11-20)'],
    ['..', 'attested file .. is outside the project root (owner ml-platform, 2026-11-20)'],
    ['docs', 'attested file docs is not a regular file (owner ml-platform, 2026-11-20)'],
    ['docs/empty.md', 'attested file docs/empty.md is empty (owner ml-platform, 2026-11-20)'],
    ['docs/missing.md', 'attested file docs/missing.md does not exist (owner ml-platform, 2026-11-20)'],
    ['docs/linked-out.md', 'attested file docs/linked-out.md resolves (through a link) to a file outside the project root (owner ml-platform, 2026-11-20)'],
  ])('refuses %s', (file, reason) => {
    expect(verify(attest(file))).toEqual({ ok: false, reason })
  })

  it.each([
    '9999-99-99',
    '0000-00-00',
    '2026-02-30',
    '2026-13-01',
    '1969-12-31',
    '2026-1-5',
    'yesterday',
    'x2026-11-20',
    '2026-11-20x',
    '2026-11-20T00:00:00Z',
  ])('refuses the date %s', (date) => {
    expect(verify(attest('docs/rollback.md', date))).toEqual({
      ok: false,
      reason: `attestation date "${date}" is not a real calendar date (YYYY-MM-DD) (owner ml-platform, ${date})`,
    })
  })

  it('refuses a date in the future, and accepts today', () => {
    expect(verify(attest('docs/rollback.md', '2026-12-01'))).toEqual({
      ok: false,
      reason: 'attestation date 2026-12-01 is in the future (owner ml-platform, 2026-12-01)',
    })
    expect(verify(attest('docs/rollback.md', '2026-11-30'))).toEqual({ ok: true })
    expect(verify(attest('docs/rollback.md', '2024-02-29'))).toEqual({ ok: true })
    expect(verify(attest('docs/rollback.md', '1970-01-01'))).toEqual({ ok: true })
  })

  it('goes stale past its own limit or the default limit, and holds on the last day', () => {
    expect(verify(attest('docs/rollback.md', '2026-10-31'), 30)).toEqual({ ok: true })
    expect(verify(attest('docs/rollback.md', '2026-10-31'), 29)).toEqual({
      ok: false,
      reason: 'attestation of docs/rollback.md is stale: confirmed 2026-10-31, 30 days ago, limit 29 days (owner ml-platform, 2026-10-31)',
    })
    expect(verify(attest('docs/rollback.md', '2026-10-31', { maxAgeDays: 30 }), 7)).toEqual({ ok: true })
    expect(verify(attest('docs/rollback.md', '2026-10-31', { maxAgeDays: 10 }))).toMatchObject({ ok: false })
    expect(verify(attest('docs/rollback.md', '2016-10-31'))).toEqual({ ok: true })
  })

  it('resolves files from a root given through a symlink, and refuses the same files from a root that does not exist', () => {
    const linkedRoot = join(mkdtempSync(join(tmpdir(), 'vitest-ml-attest-link-')), 'project')
    symlinkSync(root, linkedRoot)
    const fromLink = (file: string) => verifyAttestation(attest(file), linkedRoot, { now })
    expect(fromLink('docs/rollback.md')).toEqual({ ok: true })
    expect(fromLink(join(root, 'docs', 'rollback.md'))).toEqual({ ok: true })
    expect(fromLink(join(linkedRoot, 'docs', 'rollback.md'))).toEqual({ ok: true })
    expect(fromLink('docs/linked-out.md')).toEqual({
      ok: false,
      reason: 'attested file docs/linked-out.md resolves (through a link) to a file outside the project root (owner ml-platform, 2026-11-20)',
    })
    const missingRoot = join(root, 'no-such-dir')
    expect(verifyAttestation(attest('docs/rollback.md'), missingRoot, { now })).toEqual({
      ok: false,
      reason: 'attested file docs/rollback.md does not exist (owner ml-platform, 2026-11-20)',
    })
    expect(verifyAttestation(attest('../docs/rollback.md'), missingRoot, { now })).toEqual({
      ok: false,
      reason: 'attested file ../docs/rollback.md is outside the project root (owner ml-platform, 2026-11-20)',
    })
  })

  it('judges at the given moment, not the wall clock', () => {
    const later = verifyAttestation(attest('docs/rollback.md', '2026-11-20'), root, { now: new Date('2027-06-01T00:00:00Z'), maxAgeDays: 90 })
    expect(later.ok).toBe(false)
    const early = verifyAttestation(attest('docs/rollback.md', '2026-11-20'), root, { now: new Date('2026-11-19T23:00:00Z') })
    expect(early).toEqual({ ok: false, reason: 'attestation date 2026-11-20 is in the future (owner ml-platform, 2026-11-20)' })
  })
})
