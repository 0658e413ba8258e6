// Scenario 8 (diagnostic): splits server CPU into a cost per incoming edit and a cost per
// recipient, by running the same edit load (5 editors × 10/s on one board) with 10 and then 100
// clients against one server process: per edit = intercept + slope × recipients.
import { runLoad, type LoadShape } from '../load.js'
import type { Scenario } from '../scenario.js'
import { SERVER_KINDS } from '../wire.js'

const SMALL = 10
const LARGE = 100

export const costSplit: Scenario = {
  id: 8,
  title: `Cost split: 5 editors × 10/s with ${SMALL} then ${LARGE} clients (diagnostic)`,
  servers: SERVER_KINDS,
  metrics: [
    { key: 'perEditSmallUs', label: `server CPU µs / edit, ${SMALL} clients` },
    { key: 'perEditLargeUs', label: `server CPU µs / edit, ${LARGE} clients` },
    { key: 'perRecipientUs', label: 'slope: µs per recipient' },
    { key: 'perEditFixedUs', label: 'intercept: µs per edit, no recipient' },
  ],
  async run(server, _kind, ctx) {
    if (!server) throw new Error('needs a server')
    const shape = (clients: number): LoadShape => ({
      boards: ['marine'],
      clientsPerBoard: clients,
      editorsPerBoard: 5,
      rate: 10,
      observersPerBoard: 1,
      ...(ctx.quick ? { warmupMs: 1000, measureMs: 3000 } : { warmupMs: 2000, measureMs: 10_000 }),
    })
    const perEdit = async (clients: number) => {
      const r = await runLoad(server, shape(clients))
      const seconds = ctx.quick ? 3 : 10
      return { us: (r.serverCpuPercent * 10_000 * seconds) / r.editsSent, recipients: clients - 1 }
    }
    const small = await perEdit(SMALL)
    const large = await perEdit(LARGE)
    const slope = (large.us - small.us) / (large.recipients - small.recipients)
    return {
      values: {
        perEditSmallUs: small.us,
        perEditLargeUs: large.us,
        perRecipientUs: slope,
        perEditFixedUs: small.us - slope * small.recipients,
      },
    }
  },
}
