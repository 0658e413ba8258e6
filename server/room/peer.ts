// The only thing the room core knows about a client connection: it can receive bytes and be
// closed with a reason. The WebSocket adapter and the in-memory test peers implement it.
export interface Peer {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}

/** WebSocket close codes the room uses. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  tooLarge: 1009,
  internalError: 1011,
  /** Sent too much too fast: the client may come back later (and is not told its access ended). */
  tryAgainLater: 1013,
} as const
