export const defaultAdminPurchaseOrderFields = [
  "id",
  "display_id",
  "status",
  "supplier_id",
  "supplier.id",
  "supplier.name",
  "location_id",
  "is_dropship",
  "dropship_customer_id",
  "dropship_address",
  "currency_code",
  "expected_at",
  "ordered_at",
  "received_at",
  "completed_at",
  "cancelled_at",
  "parent_id",
  "notes",
  "metadata",
  "created_at",
  "updated_at",
  "lines.id",
  "lines.variant_id",
  "lines.inventory_item_id",
  "lines.title",
  "lines.sku",
  "lines.supplier_sku",
  "lines.quantity",
  "lines.received_quantity",
  "lines.cancelled_quantity",
  "lines.unit_cost",
  "lines.backorders.backorder_id",
  "lines.backorders.quantity",
]

export const retrievePurchaseOrderQueryConfig = {
  defaults: defaultAdminPurchaseOrderFields,
  isList: false,
}

export const listPurchaseOrderQueryConfig = {
  defaults: defaultAdminPurchaseOrderFields.filter(
    (f) => !f.startsWith("lines.")
  ),
  defaultLimit: 20,
  isList: true,
}
