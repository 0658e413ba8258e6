// Joins a board's fan-out before the board is read from storage, so nothing stored by another
// instance in between is missed; what arrives before the room exists waits for it.
import type { Fanout, FanoutMessage, FanoutSubscription } from '../fanout/fanout.js'
import type { Room } from './room.js'

export interface FanoutLink {
  readonly subscription: FanoutSubscription
  /** Hands the loaded room what arrived meanwhile, and asks the others who is present. */
  attach(room: Room): void
}

export async function linkToOtherInstances(fanout: Fanout, boardId: string): Promise<FanoutLink> {
  const early: FanoutMessage[] = []
  let resyncWanted = false
  let room: Room | null = null
  const subscription = await fanout.join(boardId, {
    message(message) {
      if (room) room.receiveFromOtherInstance(message)
      else early.push(message)
    },
    resync() {
      if (room) void room.catchUp()
      else resyncWanted = true
    },
  })
  return {
    subscription,
    attach(loaded) {
      room = loaded
      for (const message of early.splice(0)) loaded.receiveFromOtherInstance(message)
      if (resyncWanted) void loaded.catchUp()
      subscription.publish({ kind: 'awareness-query' })
    },
  }
}
