// Sortable columns on solid-dnd's DragDropProvider, cheap enough for columns of hundreds of cards.
// solid-dnd's own createSortable measures every card as it mounts (a forced layout per card) and
// recomputes each card's transform with an indexOf over its column on every change; here nothing
// is measured at mount (the provider measures every item when a drag starts, and again at its end),
// cards register with the provider only once a pointer first goes down on one,
// no transform is computed while nothing is dragged, and a column's "make room" offsets come from
// one pass over the column while a card hovers over it. Drops still land through the provider's
// onDragEnd with the same draggable and droppable ids.
import { useDragDropContext } from '@thisbeyond/solid-dnd'
import { batch, createMemo, createSelector, onCleanup, onMount, type Accessor } from 'solid-js'

type DragDropState = NonNullable<ReturnType<typeof useDragDropContext>>[0]
type DndActions = NonNullable<ReturnType<typeof useDragDropContext>>[1]

interface Offset {
  readonly x: number
  readonly y: number
}

type Layout = Parameters<DndActions['addDraggable']>[0]['layout']

/**
 * An item not yet measured: the provider measures every item when a drag starts, before any
 * collision check. Holds what the provider and closestCenter read (a zero-size item keeps it).
 */
const unmeasured = () =>
  ({ x: 0, y: 0, width: 0, height: 0, center: { x: 0, y: 0 } }) as unknown as Layout

const NO_OFFSETS: ReadonlyMap<string, Offset> = new Map()

/** Sortables live under BoardView's DragDropProvider. */
const dndContext = () => useDragDropContext() as [DragDropState, DndActions]

/** Where each card of `ids` is drawn while `active` hovers over `over` (both in this column). */
export function sortedOrder(
  ids: readonly string[],
  active: string,
  over: string,
): readonly string[] {
  const from = ids.indexOf(active)
  const to = ids.indexOf(over)
  if (from === -1 || to === -1 || from === to) return ids
  const sorted = ids.slice()
  sorted.splice(to, 0, ...sorted.splice(from, 1))
  return sorted
}

export interface SortableColumn {
  /** The CSS transform for a card of this column, or undefined when it sits in place. */
  transformOf(id: string): string | undefined
  isDragged(id: string): boolean
}

/** One column's sortable state over `ids` (the cards shown, in order). */
export function createSortableColumn(ids: Accessor<readonly string[]>): SortableColumn {
  const [dnd] = dndContext()
  const isDragged = createSelector(() => dnd.active.draggableId)
  // Cards displaced by the hovered position slide to the place of the card they replace.
  const offsets = createMemo(() => {
    const active = dnd.active.draggableId
    const over = dnd.active.droppableId
    if (active === null || over === null) return NO_OFFSETS
    const list = ids()
    const sorted = sortedOrder(list, String(active), String(over))
    const map = new Map<string, Offset>()
    sorted.forEach((id, i) => {
      const target = list[i]
      if (target === undefined || target === id) return
      const from = dnd.droppables[id]?.layout
      const to = dnd.droppables[target]?.layout
      if (from && to) map.set(id, { x: to.x - from.x, y: to.y - from.y })
    })
    return map
  })
  // Keyed reads: when a drag starts, moves over cards or ends, only the cards whose answer
  // changes re-run (never every card on the board, which would delay the drop's write).
  const isShifted = createSelector(offsets, (id: string, map) => map.has(id))
  return {
    transformOf(id) {
      const offset = isDragged(id)
        ? !dnd.active.overlay && dnd.draggables[id]?.transform
        : isShifted(id) && offsets().get(id)
      return offset && (offset.x !== 0 || offset.y !== 0)
        ? `translate3d(${offset.x}px, ${offset.y}px, 0)`
        : undefined
    },
    isDragged,
  }
}

/** A column as a drop target (drops on its empty space land at its end); measured at drag start. */
export function createColumnDroppable(id: string) {
  const [dnd, actions] = dndContext()
  let node: HTMLElement | undefined
  onMount(() => {
    if (node) actions.addDroppable({ id, node, layout: unmeasured(), data: { kind: 'column' } })
  })
  onCleanup(() => actions.removeDroppable(id))
  return {
    ref: (element: HTMLElement) => (node = element),
    isActiveDroppable: () => dnd.active.droppableId === id,
  }
}

export interface CardSortable {
  ref(element: HTMLElement): void
  /** Pointer down on the card: hands the event to the provider's sensors (may start a drag). */
  activate(event: PointerEvent): void
}

interface CardItem {
  readonly node: HTMLElement
  readonly data: Record<string, unknown>
}
/**
 * The cards mounted under one provider. They register with it (a store write each) only once a
 * pointer goes down on one of them; from then on, as they mount. Drags begin with a pointer down,
 * so every card is registered before any drag starts.
 */
interface Registry {
  live: boolean
  readonly cards: Map<string, CardItem>
}
const registries = new WeakMap<DndActions, Registry>()

function registryOf(actions: DndActions): Registry {
  let registry = registries.get(actions)
  if (!registry) registries.set(actions, (registry = { live: false, cards: new Map() }))
  return registry
}

function register(actions: DndActions, id: string, { node, data }: CardItem): void {
  actions.addDraggable({ id, node, layout: unmeasured(), data })
  actions.addDroppable({ id, node, layout: unmeasured(), data })
}

/** One card as both draggable and droppable (`data.kind` tells drops on cards apart). */
export function createCardSortable(id: string, data: Record<string, unknown>): CardSortable {
  const [, actions] = dndContext()
  const registry = registryOf(actions)
  let node: HTMLElement | undefined
  onCleanup(() => {
    // A card moved to another column may have mounted there already.
    if (registry.cards.get(id)?.node === node) registry.cards.delete(id)
    if (!registry.live) return
    actions.removeDraggable(id)
    actions.removeDroppable(id)
  })
  return {
    // Known from its ref on (no onMount, one computation less per card); the provider learns of
    // it once mounted, and only once a drag has ever begun.
    ref(element) {
      node = element
      const item = { node: element, data }
      registry.cards.set(id, item)
      if (registry.live) onMount(() => register(actions, id, item))
    },
    activate(event) {
      if (!registry.live) {
        registry.live = true
        batch(() => registry.cards.forEach((item, key) => register(actions, key, item)))
      }
      actions.draggableActivators(id).pointerdown?.(event)
    },
  }
}
