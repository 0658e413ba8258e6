// Admin CLI: `npm run admin -- <command>` manages users, grants and share links in the server's
// database (PostgreSQL when DATABASE_URL is set, else the file under DATA_DIR); a running server
// notices within seconds.
import { parseArgs } from 'node:util'
import { accounts, parseDuration } from '../server/access/accounts.js'
import { isUsable } from '../server/access/resolve.js'
import { readConfig, type Config } from '../server/config.js'
import { createStorage } from '../server/storage/create.js'
import { readNewPassword } from './read-password.js'

const USAGE = `usage: npm run admin -- <command>

  user add <name> [--display "Name"] [--password-stdin]   create a user (password prompted or piped)
  user passwd <name> [--password-stdin]                   set a new password (signs them out)
  user remove <name>                                      delete a user, their grants and sessions
  user list                                               users and their grants
  grant <name> <boardId|*> editor|viewer                  give a role on one board or on all (*)
  revoke <name> <boardId|*>                               remove that grant
  share create <boardId|*> [--expires 7d] [--label text]  make a read-only link (printed once)
  share list                                              share links and their state
  share revoke <id>                                       revoke a share link

Environment: DATABASE_URL and DATABASE_SCHEMA (PostgreSQL), else DATA_DIR (database folder);
HOST/PORT or PUBLIC_URL (for printed links).`

class UsageError extends Error {}

function shareUrl(config: Config, boardId: string, token: string): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const base = (config.publicUrl ?? `http://${host}:${config.port}`).replace(/\/$/, '')
  const page = boardId === '*' ? '/' : `/board/${encodeURIComponent(boardId)}`
  return `${base}${page}?token=${token}`
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      display: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      expires: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, sub, ...rest] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return
  }
  const args = (n: number, list: (string | undefined)[]): string[] => {
    if (list.length !== n || list.some((a) => a === undefined || a === ''))
      throw new UsageError(`"${positionals.join(' ')}": wrong number of arguments`)
    return list as string[]
  }

  const config = readConfig()
  const storage = await createStorage(config)
  const store = storage.access
  const admin = accounts(store)
  try {
    const key = command === 'user' || command === 'share' ? `${command} ${sub ?? ''}` : command
    switch (key) {
      case 'user add': {
        const [name] = args(1, rest)
        const hadUsers = (await store.countUsers()) > 0
        const password = await readNewPassword(values['password-stdin'])
        const user = await admin.addUser(name as string, password, values.display)
        console.log(`created user ${user.name} (${user.displayName})`)
        if (!hadUsers)
          console.log(
            'This is the first user: open mode has ended, everyone must now sign in or use a share link.',
          )
        console.log(`Give them a role: npm run admin -- grant ${user.name} <boardId|*> editor`)
        break
      }
      case 'user passwd': {
        const [name] = args(1, rest)
        await admin.setPassword(name as string, await readNewPassword(values['password-stdin']))
        console.log(`password of ${name} changed; their sessions have ended`)
        break
      }
      case 'user remove': {
        const [name] = args(1, rest)
        await admin.removeUser(name as string)
        console.log(`removed user ${name}`)
        break
      }
      case 'user list': {
        args(0, rest)
        for (const u of await admin.listUsers()) {
          const grants = u.grants.map((g) => `${g.boardId}:${g.role}`).join(', ') || 'no grants'
          console.log(`${u.name}\t${u.displayName}\t${u.createdAt}\t${grants}`)
        }
        break
      }
      case 'grant': {
        const [name, boardId, role] = args(3, [sub, ...rest])
        await admin.grant(name as string, boardId as string, role as string)
        console.log(`${name} is now ${role} on ${boardId === '*' ? 'all boards' : boardId}`)
        break
      }
      case 'revoke': {
        const [name, boardId] = args(2, [sub, ...rest])
        await admin.revoke(name as string, boardId as string)
        console.log(`removed the grant of ${name} on ${boardId}`)
        break
      }
      case 'share create': {
        const [boardId] = args(1, rest)
        const expiresInMs = values.expires === undefined ? undefined : parseDuration(values.expires)
        const { link, token } = await admin.createShareLink(boardId as string, {
          expiresInMs,
          label: values.label,
        })
        console.log(`share link ${link.id} (viewer on ${link.boardId}), shown only this once:`)
        console.log(shareUrl(config, link.boardId, token))
        if (link.expiresAt) console.log(`expires ${link.expiresAt}`)
        break
      }
      case 'share list': {
        args(0, rest)
        for (const l of await admin.listShareLinks()) {
          const state = l.revokedAt ? 'revoked' : isUsable(l) ? 'active' : 'expired'
          const expires = l.expiresAt ?? 'never'
          console.log(`${l.id}\t${l.boardId}\t${state}\texpires ${expires}\t${l.label}`)
        }
        break
      }
      case 'share revoke': {
        const [id] = args(1, rest)
        await admin.revokeShareLink(id as string)
        console.log(`revoked share link ${id}; its open connections close within seconds`)
        break
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(' ')}"`)
    }
  } finally {
    await storage.close()
  }
}

try {
  await run(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`error: ${message}`)
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  if (usage) console.error(`\n${USAGE}`)
  // 2: the command line was wrong; 1: the command failed (unknown user, board, role…).
  process.exitCode = usage ? 2 : 1
}
