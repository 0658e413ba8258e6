// Adds a stage at the end of the board, named in both languages.
import { createSignal, Show } from 'solid-js'
import { t } from '../i18n/locale'

export function AddStage(props: { onAdd: (name: { zh: string; en: string }) => void }) {
  const [open, setOpen] = createSignal(false)
  let zh!: HTMLInputElement
  let en!: HTMLInputElement
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    props.onAdd({ zh: zh.value.trim(), en: en.value.trim() || zh.value.trim() })
    setOpen(false)
  }
  return (
    <div class="add-stage">
      <Show
        when={open()}
        fallback={
          <button type="button" data-testid="add-stage" onClick={() => setOpen(true)}>
            + {t('stage.add')}
          </button>
        }
      >
        <form class="stage-menu" onSubmit={submit}>
          <label>
            {t('stage.newName')}
            <input ref={zh} required maxLength={200} data-testid="new-stage-zh" />
          </label>
          <label>
            {t('stage.newNameEn')}
            <input ref={en} maxLength={200} data-testid="new-stage-en" />
          </label>
          <div class="menu-row">
            <button type="submit">{t('stage.save')}</button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('card.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  )
}
