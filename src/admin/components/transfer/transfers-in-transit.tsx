import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminTransfer } from "../../../types/http/transfers"
import { OPEN_TRANSFER_STATUSES, TransferStatus } from "../../../types/enums"
import { useTransfers } from "../../hooks/transfers"

export type TransferNote = {
  transfer_id: string
  number: string
  /** Units on their way (or requested, for a draft). */
  quantity: number
  from: string
  to: string
  status: AdminTransfer["status"]
}

const describe = (note: TransferNote) =>
  note.status === TransferStatus.DRAFT
    ? `${note.quantity} requested from ${note.from}`
    : `${note.quantity} in transit from ${note.from}`

/**
 * The open transfers serving the given backorders, read in one request for a whole page:
 * per backorder, how many units come from which location.
 */
export function useTransferNotesOf(backorderIds: string[]) {
  const { data } = useTransfers(
    { backorder_id: backorderIds, status: OPEN_TRANSFER_STATUSES, limit: 100 },
    { enabled: backorderIds.length > 0 }
  )
  const notes = new Map<string, TransferNote[]>()
  for (const transfer of data?.transfers ?? []) {
    for (const line of transfer.lines ?? []) {
      const open = line.quantity - line.received_quantity
      for (const link of line.backorders ?? []) {
        if (open <= 0) {
          continue
        }
        notes.set(link.backorder_id, [
          ...(notes.get(link.backorder_id) ?? []),
          {
            transfer_id: transfer.id,
            number: transfer.number,
            quantity: Math.min(link.quantity, open),
            from: transfer.source_location?.name ?? transfer.source_location_id,
            to:
              transfer.destination_location?.name ??
              transfer.destination_location_id,
            status: transfer.status,
          },
        ])
      }
    }
  }
  return notes
}

/** "2 in transit from Warehouse", linked to the transfer. */
export const TransferNotes = ({ notes }: { notes?: TransferNote[] }) =>
  notes?.length ? (
    <div className="flex flex-col" data-testid="transfer-notes">
      {notes.map((note) => (
        <Link
          key={note.transfer_id}
          to={`/transfers/${note.transfer_id}`}
          onClick={(e) => e.stopPropagation()}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
        >
          {describe(note)}
        </Link>
      ))}
    </div>
  ) : null

/**
 * The open transfers of an inventory item or variant: "2 in transit from Warehouse to Shop
 * (TR-0003)", for the variant and inventory item widgets.
 */
export const TransfersInTransitSection = ({
  query,
}: {
  query: { variant_id: string } | { inventory_item_id: string }
}) => {
  const { data } = useTransfers({
    ...query,
    status: OPEN_TRANSFER_STATUSES,
    limit: 50,
  })
  const rows = (data?.transfers ?? []).flatMap((transfer) =>
    (transfer.lines ?? [])
      .filter((line) =>
        "variant_id" in query
          ? line.variant_id === query.variant_id
          : line.inventory_item_id === query.inventory_item_id
      )
      .map((line) => ({
        transfer_id: transfer.id,
        number: transfer.number,
        quantity:
          transfer.status === "draft"
            ? line.quantity
            : line.sent_quantity - line.received_quantity,
        from: transfer.source_location?.name ?? transfer.source_location_id,
        to:
          transfer.destination_location?.name ??
          transfer.destination_location_id,
        status: transfer.status,
      }))
  )
  if (!rows.length) {
    return null
  }
  return (
    <div
      className="flex flex-col gap-y-1 px-6 py-4"
      data-testid="transfers-in-transit"
    >
      <Text size="small" weight="plus">
        Transfers
      </Text>
      {rows.map((row) => (
        <Link
          key={row.transfer_id}
          to={`/transfers/${row.transfer_id}`}
          className="text-ui-fg-interactive txt-compact-small"
        >
          {describe(row)} to {row.to} ({row.number})
        </Link>
      ))}
    </div>
  )
}
