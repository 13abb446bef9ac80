import { createHash } from "node:crypto"
import { ReceivePurchaseOrderInput } from "../../../types/receiving"

/**
 * A fingerprint of what a receipt request asks (its lines, in any order, and note), kept with
 * the receipt so that a request retried with the same idempotency key can be told from a
 * different request reusing the key.
 */
export function receiptRequestHash(
  input: Pick<ReceivePurchaseOrderInput, "lines"> & { note?: string | null }
): string {
  const lines = input.lines
    .map((line) => [
      line.purchase_order_line_id,
      line.quantity,
      !!line.over_receive,
    ])
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
  return createHash("sha256")
    .update(JSON.stringify({ lines, note: input.note ?? null }))
    .digest("hex")
}
