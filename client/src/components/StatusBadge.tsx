// Connection status, always visible: offline edits are safe on this device and merge on return.
import type { SyncStatus } from '../board/session'
import { t } from '../i18n/locale'

export function StatusBadge(props: { status: SyncStatus }) {
  return (
    <span
      class={`status status-${props.status}`}
      role="status"
      data-testid="sync-status"
      data-status={props.status}
    >
      {t(`status.${props.status}`)}
    </span>
  )
}
