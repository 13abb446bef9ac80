import { createHash } from "node:crypto"
import { ReceiveTransferInput } from "../../../types/transfers"

/**
 * A fingerprint of what a transfer receipt asks (its lines, in any order, and note), kept
 * with the receipt so that a retried request can be told from a different one reusing the
 * idempotency key.
 */
export function transferReceiptRequestHash(
  input: Pick<ReceiveTransferInput, "lines" | "note">
): string {
  const lines = input.lines
    .map((line) => [line.transfer_line_id, line.quantity])
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
  return createHash("sha256")
    .update(JSON.stringify({ lines, note: input.note ?? null }))
    .digest("hex")
}
