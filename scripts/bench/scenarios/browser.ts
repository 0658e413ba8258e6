// Scenario 7 placeholder, replaced below.
import type { Scenario } from '../scenario.js'
export const browser: Scenario = {
  id: 7,
  title: 'Browser',
  servers: ['ours'],
  metrics: [],
  async run() {
    return { values: {} }
  },
}
