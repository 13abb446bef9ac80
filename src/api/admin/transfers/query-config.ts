export const defaultAdminTransferFields = [
  "id",
  "display_id",
  "status",
  "source_location_id",
  "destination_location_id",
  "sent_at",
  "received_at",
  "cancelled_at",
  "note",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
  "lines.id",
  "lines.variant_id",
  "lines.inventory_item_id",
  "lines.title",
  "lines.sku",
  "lines.quantity",
  "lines.sent_quantity",
  "lines.received_quantity",
  "lines.backorders.backorder_id",
  "lines.backorders.quantity",
  "receipts.id",
  "receipts.received_at",
  "receipts.received_by",
  "receipts.idempotency_key",
  "receipts.lines",
  "receipts.note",
]

export const retrieveTransferQueryConfig = {
  entity: "transfer",
  defaults: defaultAdminTransferFields,
  isList: false,
}

export const listTransferQueryConfig = {
  entity: "transfer",
  defaults: defaultAdminTransferFields.filter(
    (f) => !f.startsWith("receipts.")
  ),
  defaultLimit: 20,
  isList: true,
}

/** Where a transfer could come from: computed figures, no fields. */
export const transferSourcesQueryConfig = {
  defaults: [],
  isList: false,
}
