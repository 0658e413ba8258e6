// Cards whose stage no longer exists (removed while someone moved a card into it). They stay
// visible here until someone drags or moves them into a stage.
import { t } from '../i18n/locale'
import type { KeyMove } from './CardTile'
import { ColumnCards } from './ColumnCards'
import { createSortableColumn } from './sortable'

export function UnplacedColumn(props: {
  cardIds: readonly string[]
  onKeyMove: (cardId: string, move: KeyMove) => void
}) {
  const sortable = createSortableColumn(() => props.cardIds)
  return (
    <section class="column unplaced" data-testid="unplaced-column">
      <header class="column-header">
        <div class="column-title-row">
          <h2 class="column-title">{t('stage.unplaced')}</h2>
          <span class="column-count">{props.cardIds.length}</span>
        </div>
      </header>
      <div class="column-cards">
        <ColumnCards ids={props.cardIds} sortable={sortable} onKeyMove={props.onKeyMove} />
      </div>
    </section>
  )
}
