import type { Dataset } from '../data/dataset.js'
import type { DataProfile } from './data-profile.js'
import { ProfileBuilder, type ProfileOptions } from './profile-builder.js'

/**
 * Profiles a stream of batches in bounded memory: each batch updates the sketches and is then let go, so a file (or a
 * generator) of any length is profiled in the memory of one batch plus the sketches.
 *
 * @param batches - batches of rows: `streamParquet(path)`, `streamCsv(path)`, `streamArrow(path)`, or any async or sync iterable of datasets
 * @param options - columns, categorical, name and sketch settings
 * @returns the profile
 * @example
 * ```ts
 * const june = await profileStream(streamParquet('june.parquet', { columns: ['delay', 'origin'] }), { name: 'june' })
 * ```
 */
export async function profileStream(batches: AsyncIterable<Dataset> | Iterable<Dataset>, options: ProfileOptions = {}): Promise<DataProfile> {
  const builder = new ProfileBuilder(options)
  for await (const batch of batches) builder.add(batch)
  return builder.finish('stream')
}
