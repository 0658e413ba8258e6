// Medians across rounds, ratios of our server to each reference, a plain-text table and the JSON.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { median } from './measure.js'
import type { RunValues, Scenario } from './scenario.js'
import type { ServerKind } from './wire.js'

export interface RunRecord extends RunValues {
  readonly scenario: number
  readonly server: ServerKind
  readonly round: number
  readonly error?: string
}

export interface ScenarioSummary {
  readonly id: number
  readonly title: string
  readonly rows: {
    readonly key: string
    readonly label: string
    readonly medians: Partial<Record<ServerKind, number>>
    readonly oursToReference?: number
    readonly oursToHocuspocus?: number
  }[]
}

export function summarize(
  scenarios: readonly Scenario[],
  runs: readonly RunRecord[],
): ScenarioSummary[] {
  return scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    rows: s.metrics.map((m) => {
      const medians: Partial<Record<ServerKind, number>> = {}
      for (const kind of s.servers) {
        const values = runs
          .filter((r) => r.scenario === s.id && r.server === kind && !r.error)
          .map((r) => r.values[m.key] as number)
        medians[kind] = median(values)
      }
      const ours = medians.ours ?? Number.NaN
      return {
        key: m.key,
        label: m.label,
        medians,
        oursToReference: ours / (medians.reference ?? Number.NaN),
        oursToHocuspocus: ours / (medians.hocuspocus ?? Number.NaN),
      }
    }),
  }))
}

const fmt = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n)
    ? '-'
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2)

export function table(summaries: readonly ScenarioSummary[], runs: readonly RunRecord[]): string {
  const lines: string[] = []
  const cols = ['metric (median)', 'ours', 'y-ws ref', 'hocuspocus', 'ours/ref', 'ours/hp']
  for (const s of summaries) {
    lines.push('', `${s.id}. ${s.title}`)
    const rows = s.rows.map((r) => [
      r.label,
      fmt(r.medians.ours),
      fmt(r.medians.reference),
      fmt(r.medians.hocuspocus),
      fmt(r.oursToReference),
      fmt(r.oursToHocuspocus),
    ])
    const widths = cols.map((c, i) =>
      Math.max(c.length, ...rows.map((row) => (row[i] as string).length)),
    )
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
        .join('  ')
    lines.push(line(cols), ...rows.map(line))
    for (const r of runs.filter((r) => r.scenario === s.id)) {
      for (const note of r.notes ?? []) lines.push(`  note: ${r.server} round ${r.round}: ${note}`)
      if (r.error) lines.push(`  error: ${r.server} round ${r.round}: ${r.error}`)
    }
  }
  return lines.join('\n')
}

export function machine() {
  return {
    host: os.hostname(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  }
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
}
