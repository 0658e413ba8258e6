// Helpers for e2e tests with accounts: people with display names and grants, browser profiles
// signed in through the session cookie, board snapshots fetched as someone, and what the overview
// and presentation panels show.
import type { Browser, Locator, Page } from 'playwright-core'
import { accounts } from '../../server/access/accounts.js'
import type { AccessStore } from '../../server/access/store.js'
import { SnapshotSchema, type Snapshot } from '../../shared/snapshot.js'
import { PASSWORD, signIn } from '../support/access.js'
import { newClientContext, type Client, type ClientOptions } from '../support/browser.js'

/** Every control on a board page that edits the board, by test id: a viewer sees none. */
export const EDITING_CONTROLS = [
  'add-card',
  'new-card-title',
  'stage-menu',
  'undo',
  'redo',
  'add-stage',
  'shortcuts',
] as const

export interface Person {
  /** The user name to sign in with. */
  readonly name: string
  /** What the app shows for them (header, presence, "updated by"). */
  readonly displayName: string
}

/** Creates a user with PASSWORD, a display name and grants `[boardId | '*', role]`. */
export async function addPerson(
  store: AccessStore,
  person: Person,
  grants: [string, 'editor' | 'viewer'][],
): Promise<Person> {
  const admin = accounts(store)
  await admin.addUser(person.name, PASSWORD, person.displayName)
  for (const [board, role] of grants) await admin.grant(person.name, board, role)
  return person
}

export interface SignedInClient extends Client {
  /** The `Cookie` header value of this person's session, for fetches from the test. */
  readonly cookie: string
}

/**
 * A fresh browser profile already signed in: signs in over HTTP and puts the session cookie into
 * the profile (the sign-in form itself is covered by its own test).
 */
export async function signedInClient(
  browser: Browser,
  baseUrl: string,
  userName: string,
  options: ClientOptions = {},
): Promise<SignedInClient> {
  const cookie = await signIn(baseUrl, userName)
  const separator = cookie.indexOf('=')
  if (separator <= 0) throw new Error(`unexpected session cookie: ${cookie}`)
  const client = await newClientContext(browser, baseUrl, options)
  await client.context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: baseUrl },
  ])
  return { ...client, cookie }
}

/** GET /api/boards/<id>/snapshot as the holder of `cookie`, validated. */
export async function fetchSnapshot(
  baseUrl: string,
  boardId: string,
  cookie: string,
): Promise<Snapshot> {
  const res = await fetch(`${baseUrl}/api/boards/${boardId}/snapshot`, { headers: { cookie } })
  if (res.status !== 200) throw new Error(`snapshot of ${boardId}: ${res.status}`)
  return SnapshotSchema.parse(await res.json())
}

/** The snapshot's content without when it was taken (for "unchanged" comparisons). */
export function contentOf(snapshot: Snapshot): Pick<Snapshot, 'board' | 'cards'> {
  return { board: snapshot.board, cards: snapshot.cards }
}

/** Stage id → number of live (unarchived) cards in it, for every stage of the snapshot. */
export function stageCountsOf(snapshot: Snapshot): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(
    snapshot.board.stages.map((stage) => [stage.id, 0]),
  )
  for (const card of snapshot.cards) {
    const stage = card.placement.stage
    if (!card.archived && stage in counts) counts[stage] = (counts[stage] ?? 0) + 1
  }
  return counts
}

export const sectorPanel = (page: Page, boardId: string): Locator =>
  page.locator(`section[data-testid="sector-panel"][data-board="${boardId}"]`)

/** Stage id → the card count a sector panel shows for it. */
export function shownStageCounts(panel: Locator): Promise<Record<string, number>> {
  return panel
    .locator('table[data-testid="stage-bars"] tr[data-stage]')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-stage') ?? '',
          Number(row.querySelector('[data-testid="overview-stage-count"]')?.textContent?.trim()),
        ]),
      ),
    )
}

/** The number a sector panel shows as its total of live cards. */
export async function shownTotal(panel: Locator): Promise<number> {
  return Number((await panel.locator('[data-testid="sector-total"]').innerText()).trim())
}

/** The lines of one of a panel's lists (`at-risk`, `recent`), empty when the list is absent. */
export function listLines(panel: Locator, testId: 'at-risk' | 'recent'): Promise<string[]> {
  return panel
    .locator(`[data-testid="${testId}"] li`)
    .evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''))
}
