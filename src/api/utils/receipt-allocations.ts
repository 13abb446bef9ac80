import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Ledger rows a receipt answer carries. A receipt can allocate 100,000 backorders; the
 * answer lists the first of them and counts all, and the ledger pages through the rest
 * (`GET /admin/backorders?fields=allocations.*`).
 */
export const RECEIPT_ALLOCATIONS_SHOWN = 1000

/** The first `RECEIPT_ALLOCATIONS_SHOWN` ledger rows of one receipt, oldest first, and their count. */
export async function listReceiptAllocations<T>(
  scope: MedusaContainer,
  filters: { receipt_id: string } | { transfer_receipt_id: string },
  fields: string[]
): Promise<{ allocations: T[]; allocation_count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "allocation",
    fields,
    filters,
    pagination: {
      skip: 0,
      take: RECEIPT_ALLOCATIONS_SHOWN,
      order: { created_at: "ASC" },
    },
  })
  return {
    allocations: data as T[],
    allocation_count: metadata?.count ?? data.length,
  }
}
