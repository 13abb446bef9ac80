export const defaultAdminBackorderFields = [
  "id",
  "status",
  "source",
  "order_id",
  "line_item_id",
  "customer_id",
  "sales_channel_id",
  "product_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "supplier_id",
  "sku",
  "title",
  "quantity",
  "allocated_quantity",
  "fulfilled_quantity",
  "cancelled_quantity",
  "priority",
  "payment_policy",
  "currency_code",
  "unit_price",
  "paid_amount",
  "refunded_amount",
  "promised_at",
  "on_order_at",
  "available_at",
  "fulfilled_at",
  "delivered_at",
  "cancelled_at",
  "cancel_reason",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveBackorderQueryConfig = {
  // Named as Medusa's own configs name theirs, so that with its `rbac_filter_fields` flag on
  // a role only gets the related records it may read (a backorder's `order`, `customer`).
  entity: "backorder",
  defaults: defaultAdminBackorderFields,
  isList: false,
}

export const listBackorderQueryConfig = {
  ...retrieveBackorderQueryConfig,
  defaultLimit: 20,
  isList: true,
}

export const defaultAdminAllocationFields = [
  "id",
  "quantity",
  "source",
  "rule",
  "reason",
  "inventory_item_id",
  "location_id",
  "purchase_order_id",
  "purchase_order_line_id",
  "receipt_id",
  "transfer_id",
  "transfer_receipt_id",
  "counterpart_backorder_id",
  "note",
  "created_by",
  "created_at",
  "backorder.id",
  "backorder.order_id",
  "backorder.customer_id",
  "backorder.sku",
  "backorder.title",
  "backorder.status",
  // The ledger names the order and who it is for.
  "backorder.order.id",
  "backorder.order.display_id",
  "backorder.order.email",
  "backorder.order.shipping_address.first_name",
  "backorder.order.shipping_address.last_name",
  "backorder.customer.id",
  "backorder.customer.email",
  "backorder.customer.first_name",
  "backorder.customer.last_name",
]

export const listAllocationQueryConfig = {
  entity: "allocation",
  defaults: defaultAdminAllocationFields,
  defaultLimit: 50,
  isList: true,
}

/** The figures (counts, supplier groups, health, stock summary): filters only, no fields. */
export const backorderFiguresQueryConfig = {
  defaults: [],
  isList: false,
}
