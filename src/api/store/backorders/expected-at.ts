import { MedusaContainer } from "@medusajs/framework/types"
import { expectedAtOfBackorders } from "../../../workflows/backorders/utils/incoming-supply"

/**
 * Adds `expected_at` to backorders answered to a shopper: when all their waiting units
 * should be there, from the supply that serves them after the orders placed before.
 */
export async function withExpectedAt<T extends { id: string }>(
  container: MedusaContainer,
  backorders: T[]
): Promise<(T & { expected_at: string | null })[]> {
  const expected = await expectedAtOfBackorders(
    container,
    backorders.map((b) => b.id).filter((id) => typeof id === "string")
  )
  return backorders.map((b) => ({
    ...b,
    expected_at: expected.get(b.id) ?? null,
  }))
}
