import { Redis } from 'ioredis'
import { describe, expect, test } from 'vitest'
import { redisServerAvailable, startRedisServer } from '../../../src/patterns/redis-server.js'

describe('startRedisServer', () => {
  test('starts on a free loopback port, crashes (kill -9), restarts empty on the same port, stops', async () => {
    expect(redisServerAvailable()).toBe(true)
    const server = await startRedisServer()
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => 20 })
    client.on('error', () => undefined)
    try {
      await client.connect()
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`)
      expect(await client.config('GET', 'save')).toEqual(['save', ''])
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no'])
      await client.set('k', 'v')
      const pid = server.pid
      await server.crash()
      expect(server.pid).toBeUndefined()
      await expect(client.get('k')).rejects.toThrow()
      await server.restart()
      expect(server.pid).not.toBe(pid)
      for (let wait = 0; wait < 500 && client.status !== 'ready'; wait++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(await client.get('k')).toBeNull()
    } finally {
      client.disconnect()
      await server.stop()
      await server.stop()
    }
    expect(server.pid).toBeUndefined()
  })

  test('a missing executable or a taken port gives a clear error', async () => {
    expect(redisServerAvailable('no-such-redis-server')).toBe(false)
    await expect(startRedisServer({ command: 'no-such-redis-server' })).rejects.toThrow(
      /startRedisServer: expected redis-server to start on 127\.0\.0\.1:\d+, received .*ENOENT.*\n(.*\n)*Hint: Check `redis-server --version` runs; on Debian install it with `apt-get install -y redis-server`\./,
    )
    const first = await startRedisServer()
    try {
      await expect(startRedisServer({ port: first.port })).rejects.toThrow(
        /startRedisServer: expected redis-server to start on 127\.0\.0\.1:\d+, received it exited \(code 1\); its output:\n[\s\S]*Address already in use/,
      )
    } finally {
      await first.stop()
    }
  })
})
