// Structured JSON logs (pino). One root logger per process; modules take child loggers.
import { pino, type Logger } from 'pino'

export type { Logger }

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'sector-board' } })
}
