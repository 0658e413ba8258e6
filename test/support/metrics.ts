// Reads one sample from a server's /metrics text exposition, as Prometheus would scrape it.

/** The samples of /metrics at `baseUrl`, by their full series name (`name{label="v"}`). */
export async function scrape(baseUrl: string): Promise<Map<string, number>> {
  const res = await fetch(`${baseUrl}/metrics`)
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`)
  return parseExposition(await res.text())
}

/** The samples of a Prometheus text exposition, by full series name. */
export function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const space = line.lastIndexOf(' ')
    samples.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return samples
}

/** One series' value: `sample(s, 'x_total', { code: '1009' })`; 0 when it was never recorded. */
export function sample(
  samples: Map<string, number>,
  name: string,
  labels: Record<string, string> = {},
): number {
  const entries = Object.entries(labels)
  for (const [series, value] of samples) {
    const brace = series.indexOf('{')
    const seriesName = brace === -1 ? series : series.slice(0, brace)
    if (seriesName !== name) continue
    if (entries.every(([k, v]) => series.includes(`${k}="${v}"`))) return value
  }
  return 0
}
