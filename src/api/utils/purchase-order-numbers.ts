import { MedusaContainer } from "@medusajs/framework/types"
import { BACKORDER_MODULE } from "../../modules/backorder"
import BackorderModuleService from "../../modules/backorder/service"

type PurchaseOrderLinks = {
  purchase_order_lines?:
    | {
        purchase_order_line?: {
          purchase_order?: { display_id?: number | null } | null
        } | null
      }[]
    | null
}

/**
 * Backorders with each linked purchase order's formatted `number` added (the
 * `purchaseOrderPrefix` / `purchaseOrderNumberPadding` options), so no client formats it.
 */
export function withPurchaseOrderNumbers<T>(
  scope: MedusaContainer,
  backorders: T[]
): T[] {
  const service: BackorderModuleService = scope.resolve(BACKORDER_MODULE)
  return backorders.map((backorder) => {
    const links = (backorder as PurchaseOrderLinks).purchase_order_lines
    if (!links) {
      return backorder
    }
    return {
      ...backorder,
      purchase_order_lines: links.map((link) => {
        const po = link.purchase_order_line?.purchase_order
        if (po?.display_id === undefined || po.display_id === null) {
          return link
        }
        return {
          ...link,
          purchase_order_line: {
            ...link.purchase_order_line,
            purchase_order: {
              ...po,
              number: service.formatPurchaseOrderNumber(po.display_id),
            },
          },
        }
      }),
    }
  })
}

/**
 * Ledger rows with `purchase_order_number` (null when the units came from no purchase
 * order), the purchase orders read in one query.
 */
export async function withAllocationPurchaseOrderNumbers<
  T extends { purchase_order_id?: string | null },
>(
  scope: MedusaContainer,
  allocations: T[]
): Promise<(T & { purchase_order_number: string | null })[]> {
  const service: BackorderModuleService = scope.resolve(BACKORDER_MODULE)
  const ids = [
    ...new Set(
      allocations
        .map((a) => a.purchase_order_id)
        .filter((id): id is string => !!id)
    ),
  ]
  const purchaseOrders = ids.length
    ? await service.listPurchaseOrders(
        { id: ids },
        { select: ["id", "display_id"] }
      )
    : []
  const numbers = new Map(
    purchaseOrders.map((po) => [
      po.id,
      service.formatPurchaseOrderNumber(po.display_id),
    ])
  )
  // Rows read without `purchase_order_id` (a narrow `fields`) get no number either.
  return allocations.map((a) =>
    a.purchase_order_id === undefined
      ? (a as T & { purchase_order_number: string | null })
      : {
          ...a,
          purchase_order_number: a.purchase_order_id
            ? (numbers.get(a.purchase_order_id) ?? null)
            : null,
        }
  )
}
