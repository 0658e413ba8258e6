// Where a column draws its cards while one is dragged over another: the dragged card takes the
// hovered card's place and the cards between shift by one, as in solid-dnd's own sortables.
import { describe, expect, it } from 'vitest'
import { sortedOrder } from '../../client/src/components/sortable'

describe('sortedOrder', () => {
  const ids = ['a', 'b', 'c', 'd']

  it('moves a card down to the hovered card', () => {
    expect(sortedOrder(ids, 'a', 'c')).toEqual(['b', 'c', 'a', 'd'])
  })

  it('moves a card up to the hovered card', () => {
    expect(sortedOrder(ids, 'd', 'b')).toEqual(['a', 'd', 'b', 'c'])
  })

  it('leaves the column as it is when the card or the hovered one is elsewhere', () => {
    expect(sortedOrder(ids, 'x', 'b')).toEqual(ids)
    expect(sortedOrder(ids, 'a', 'column-signed')).toEqual(ids)
    expect(sortedOrder(ids, 'b', 'b')).toEqual(ids)
  })
})
