// A page's intents and its undo follow the person's role at the moment they act, not the role
// the page opened with: while they may not write, nothing changes the board; once they may, the
// same intents work again.
import { describe, expect, it } from 'vitest'
import { createBoardActions } from '../../client/src/board/actions'
import { createUndoHistory } from '../../client/src/board/undo'
import type { Origin } from '../../shared/origin.js'
import { readCards } from '../../shared/read.js'
import { testBoard } from '../support/board.js'

const origin: Origin = { kind: 'user', actor: 'li' }

function pageOver(doc = testBoard()) {
  let mayWrite = true
  const allowed = () => mayWrite
  const actions = createBoardActions(doc, origin, () => 'li', { mayWrite: allowed })
  const history = createUndoHistory(doc, origin, allowed)
  const setMayWrite = (next: boolean) => (mayWrite = next)
  return { doc, actions, history, setMayWrite }
}

describe('intents under a changing role', () => {
  it('change nothing while the person may not write, and work again once they may', () => {
    const { doc, actions, setMayWrite } = pageOver()
    const card = actions.addCard({ stage: 'engaging', title: 'Harbour crane retrofit' })
    if (card === undefined) throw new Error('an editor could not add a card')
    setMayWrite(false)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))

    expect(actions.addCard({ stage: 'engaging', title: 'Made as a viewer' })).toBeUndefined()
    actions.editCard(card, { title: 'Renamed as a viewer' })
    actions.moveCard(card, 'signed', 0)
    actions.archiveCard(card)
    expect(actions.addStage({ zh: '新阶段', en: 'New stage' })).toBeUndefined()
    actions.renameStage('engaging', { zh: '洽谈', en: 'Talks' })
    actions.removeStage('operating')
    expect(updates).toEqual([])

    setMayWrite(true)
    actions.moveCard(card, 'signed', 0)
    const cards = readCards(doc)
    expect(cards.map((c) => [c.title, c.placement.stage])).toEqual([
      ['Harbour crane retrofit', 'signed'],
    ])
  })

  it('undo and redo nothing while the person may not write', () => {
    const { doc, actions, history, setMayWrite } = pageOver()
    actions.addCard({ stage: 'engaging', title: 'Harbour crane retrofit' })
    setMayWrite(false)
    history.undo()
    expect(readCards(doc)).toHaveLength(1)
    setMayWrite(true)
    history.undo()
    expect(readCards(doc)).toHaveLength(0)
    setMayWrite(false)
    history.redo()
    expect(readCards(doc)).toHaveLength(0)
    history.destroy()
  })
})
