// The fields the dashboard asks for: no imports, so the API tests can check them too.

/**
 * The linked records a backorder row shows: customer, order number with its shipping name
 * (a guest has no name of their own) and Medusa's payment figures, and purchase orders.
 */
export const BACKORDER_ROW_FIELDS = [
  "+customer.id",
  "+customer.email",
  "+customer.first_name",
  "+customer.last_name",
  "+order.id",
  "+order.display_id",
  "+order.shipping_address.first_name",
  "+order.shipping_address.last_name",
  "+order.payment_collections.status",
  "+order.payment_collections.amount",
  "+order.payment_collections.authorized_amount",
  "+order.payment_collections.captured_amount",
  "+order.payment_collections.refunded_amount",
  "+purchase_order_lines.quantity",
  "+purchase_order_lines.purchase_order_line.id",
  "+purchase_order_lines.purchase_order_line.purchase_order.id",
  "+purchase_order_lines.purchase_order_line.purchase_order.display_id",
  // The answer adds the formatted `number` to every purchase order that has its display_id.
  "+purchase_order_lines.purchase_order_line.purchase_order.status",
  "+purchase_order_lines.purchase_order_line.purchase_order.expected_at",
].join(",")
