import { StatusBadge } from "@medusajs/ui"
import { BACKORDER_STATUS, PURCHASE_ORDER_STATUS } from "../lib/format"
import type { BackorderStatus, PurchaseOrderStatus } from "../lib/types"

export const BackorderStatusBadge = ({
  status,
}: {
  status: BackorderStatus
}) => {
  const { label, color } = BACKORDER_STATUS[status] ?? {
    label: status,
    color: "grey",
  }
  return <StatusBadge color={color}>{label}</StatusBadge>
}

export const PurchaseOrderStatusBadge = ({
  status,
}: {
  status: PurchaseOrderStatus
}) => {
  const { label, color } = PURCHASE_ORDER_STATUS[status] ?? {
    label: status,
    color: "grey",
  }
  return <StatusBadge color={color}>{label}</StatusBadge>
}
