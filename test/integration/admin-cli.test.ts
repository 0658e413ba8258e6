// The admin CLI as people run it (node --import tsx scripts/admin.ts …) against a temp DATA_DIR:
// users with piped passwords, grants, share links a running server accepts, and clear refusals.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/server.js'
import { startTestServer, tempDataDir } from '../support/server.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function admin(dataDir: string, args: string[], stdin = '', env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '8080', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdin.end(stdin)
  return new Promise<Run>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  )
}

const SECRET = 'piped-Passw0rd-海洋-never-in-clear'

describe('admin CLI', () => {
  it(
    'adds a user from stdin, grants, lists; the server accepts them',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir()
      const add = await admin(
        dataDir,
        ['user', 'add', 'li', '--display', '李娜', '--password-stdin'],
        `${SECRET}\n`,
      )
      expect(add.stderr).toBe('')
      expect(add.code).toBe(0)
      expect(add.stdout).toContain('created user li (李娜)')
      expect(add.stdout).toContain('open mode has ended')
      const grant = await admin(dataDir, ['grant', 'li', 'software', 'editor'])
      expect(grant.code).toBe(0)
      expect(grant.stdout).toContain('li is now editor on software')
      const list = await admin(dataDir, ['user', 'list'])
      expect(list.stdout).toMatch(/^li\t李娜\t\S+\tsoftware:editor$/m)

      const files = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f)))
      expect(Buffer.concat(files).includes(Buffer.from(SECRET))).toBe(false)
      for (const run of [add, grant, list]) expect(run.stdout + run.stderr).not.toContain(SECRET)

      const server = await startTestServer(dataDir)
      servers.push(server)
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'li', password: SECRET }),
      })
      expect(await res.json()).toMatchObject({
        user: { name: 'li' },
        roles: { software: 'editor' },
      })
    },
  )

  it(
    'creates a share link, printing its URL with the token once; lists and revokes it',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir()
      const created = await admin(dataDir, [
        'share',
        'create',
        'marine',
        '--expires',
        '7d',
        '--label',
        'meeting room',
      ])
      expect(created.code).toBe(0)
      const url = /^http:\/\/127\.0\.0\.1:8080\/board\/marine\?token=([A-Za-z0-9_-]{43})$/m.exec(
        created.stdout,
      )
      expect(url, created.stdout).not.toBeNull()
      const token = url?.[1] as string
      const id = /share link (sl_[0-9a-f]+)/.exec(created.stdout)?.[1] as string

      const server = await startTestServer(dataDir)
      servers.push(server)
      const who = await fetch(`${server.url}/api/session?token=${token}`)
      expect(await who.json()).toMatchObject({
        roles: { marine: 'viewer' },
        shareLink: { label: 'meeting room' },
      })

      const list = await admin(dataDir, ['share', 'list'])
      expect(list.stdout).toMatch(
        new RegExp(`^${id}\\tmarine\\tactive\\texpires \\S+\\tmeeting room$`, 'm'),
      )
      expect(list.stdout).not.toContain(token)
      const revoke = await admin(dataDir, ['share', 'revoke', id])
      expect(revoke.code).toBe(0)
      expect((await fetch(`${server.url}/api/session?token=${token}`)).status).toBe(401)

      const everywhere = await admin(dataDir, ['share', 'create', '*'], '', {
        PUBLIC_URL: 'https://boards.example.cn',
      })
      expect(everywhere.stdout).toMatch(
        /^https:\/\/boards\.example\.cn\/\?token=[A-Za-z0-9_-]{43}$/m,
      )
    },
  )

  it(
    'refuses bad input with a clear message and a non-zero exit',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir()
      expect((await admin(dataDir, ['user', 'add', 'li'], 'a-good-password')).code).toBe(0)
      const cases: [string[], string, RegExp][] = [
        [['grant', 'li', 'shipbuilding', 'editor'], '', /unknown board "shipbuilding"/],
        [['grant', 'li', 'marine', 'owner'], '', /unknown role "owner" \(editor or viewer\)/],
        [['grant', 'nobody', 'marine', 'viewer'], '', /no user "nobody"/],
        [['user', 'add', 'li'], 'another-password', /user "li" already exists/],
        [['user', 'add', 'wang'], 'short', /at least 8 characters/],
        [['share', 'create', 'marine', '--expires', 'soon'], '', /bad duration "soon"/],
        [['share', 'revoke', 'sl_000000000000'], '', /no active share link/],
        [['launch', 'rockets'], '', /unknown command "launch rockets"/],
        [['grant', 'li'], '', /wrong number of arguments/],
      ]
      const runs = await Promise.all(cases.map(([args, stdin]) => admin(dataDir, args, stdin)))
      runs.forEach((run, i) => {
        const [args, , message] = cases[i] as (typeof cases)[number]
        expect(run.code, args.join(' ')).not.toBe(0)
        expect(run.stderr, args.join(' ')).toMatch(message)
      })
    },
  )
})
