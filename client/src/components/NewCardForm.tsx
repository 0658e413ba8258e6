// "Add card" at the foot of a column: a title, then the card opens for the rest.
import { createSignal, Show } from 'solid-js'
import { t } from '../i18n/locale'

export function NewCardForm(props: { onCreate: (title: string) => void }) {
  const [open, setOpen] = createSignal(false)
  let input!: HTMLInputElement
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    const title = input.value.trim()
    if (!title) return
    props.onCreate(title)
    input.value = ''
    setOpen(false)
  }
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="add-card" data-testid="add-card" onClick={() => setOpen(true)}>
          + {t('card.add')}
        </button>
      }
    >
      <form class="new-card" onSubmit={submit}>
        <input
          ref={(el) => {
            input = el
            queueMicrotask(() => el.focus())
          }}
          aria-label={t('card.newTitle')}
          placeholder={t('card.newTitle')}
          maxLength={500}
          data-testid="new-card-title"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        />
        <div class="menu-row">
          <button type="submit">{t('card.create')}</button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('card.cancel')}
          </button>
        </div>
      </form>
    </Show>
  )
}
