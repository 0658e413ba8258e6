// A text input or textarea for collaborative text: it sends every keystroke as an edit and takes
// others' edits in place, keeping this person's caret where it was relative to their text.
import { createEffect, untrack, type JSX } from 'solid-js'

/** Where an index lands after `before` became `after` through one contiguous change. */
export function mapIndex(before: string, after: string, index: number): number {
  let prefix = 0
  const max = Math.min(before.length, after.length)
  while (prefix < max && before[prefix] === after[prefix]) prefix++
  if (index <= prefix) return index
  return Math.max(prefix, index + after.length - before.length)
}

type Field = HTMLInputElement | HTMLTextAreaElement

export function CollabText(props: {
  value: string
  onInput: (value: string) => void
  multiline?: boolean
  label: string
  maxLength: number
  testId?: string
}) {
  let field!: Field
  // Only the effect below updates the field after the first render: a live `value` binding
  // would move the caret to the end whenever someone else types.
  const initial = untrack(() => props.value)
  createEffect(() => {
    const next = props.value
    if (!field || field.value === next) return
    const focused = document.activeElement === field
    const start = field.selectionStart ?? 0
    const end = field.selectionEnd ?? 0
    const before = field.value
    field.value = next
    if (focused) field.setSelectionRange(mapIndex(before, next, start), mapIndex(before, next, end))
  })
  const common = {
    'aria-label': props.label,
    maxLength: props.maxLength,
    'data-testid': props.testId,
    onInput: (e: InputEvent & { currentTarget: Field }) => props.onInput(e.currentTarget.value),
  } satisfies JSX.HTMLAttributes<Field> & Record<string, unknown>
  return props.multiline ? (
    <textarea ref={(el) => (field = el)} rows={6} value={initial} {...common} />
  ) : (
    <input ref={(el) => (field = el)} value={initial} {...common} />
  )
}
