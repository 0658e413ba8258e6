// Guards the 'client' project's resolve conditions (vitest.config.ts): under Node, solid-js's
// package exports select its server build, where effects run once and never again. Client store
// tests rely on the reactive browser build, so check here that effects and stores really react.
import { createEffect, createRoot, createSignal, DEV } from 'solid-js'
import { createStore } from 'solid-js/store'
import { isServer } from 'solid-js/web'
import { describe, expect, it } from 'vitest'

describe('solid-js in the client test project', () => {
  it('loads the browser development build, not the server build', () => {
    expect(isServer).toBe(false)
    expect(DEV).toBeDefined()
  })

  it('re-runs an effect when a signal it read changes', () => {
    const seen: number[] = []
    const [count, setCount] = createSignal(1)
    const dispose = createRoot((dispose) => {
      createEffect(() => seen.push(count()))
      return dispose
    })
    setCount(2)
    setCount(3)
    dispose()
    setCount(4)
    expect(seen).toEqual([1, 2, 3])
  })

  it('re-runs an effect when a store property it read changes', () => {
    const seen: string[] = []
    const [board, setBoard] = createStore({ name: '海工装备研发产业' })
    const dispose = createRoot((dispose) => {
      createEffect(() => seen.push(board.name))
      return dispose
    })
    setBoard('name', 'Marine engineering equipment R&D')
    dispose()
    expect(seen).toEqual(['海工装备研发产业', 'Marine engineering equipment R&D'])
  })
})
