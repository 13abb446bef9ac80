import { StatusBadge } from "@medusajs/ui"
import type { TransferStatus } from "../../../types/enums"

type BadgeColor = "green" | "red" | "orange" | "blue" | "purple" | "grey"

export const TRANSFER_STATUS: Record<
  TransferStatus,
  { label: string; color: BadgeColor }
> = {
  draft: { label: "Draft", color: "grey" },
  in_transit: { label: "In transit", color: "blue" },
  partially_received: { label: "Partly received", color: "purple" },
  received: { label: "Received", color: "green" },
  cancelled: { label: "Cancelled", color: "red" },
}

export const TransferStatusBadge = ({ status }: { status: TransferStatus }) => {
  const { label, color } = TRANSFER_STATUS[status] ?? {
    label: status,
    color: "grey",
  }
  return <StatusBadge color={color}>{label}</StatusBadge>
}
