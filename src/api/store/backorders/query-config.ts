/** What a customer sees of their own backorders: no suppliers, costs or staff notes. */
export const defaultStoreBackorderFields = [
  "id",
  "status",
  "order_id",
  "line_item_id",
  "product_id",
  "variant_id",
  "sku",
  "title",
  "quantity",
  "allocated_quantity",
  "fulfilled_quantity",
  "cancelled_quantity",
  "promised_at",
  "available_at",
  "fulfilled_at",
  "delivered_at",
  "cancelled_at",
  "created_at",
]

export const retrieveStoreBackorderQueryConfig = {
  defaults: defaultStoreBackorderFields,
  allowed: defaultStoreBackorderFields,
  isList: false,
}

export const listStoreBackorderQueryConfig = {
  ...retrieveStoreBackorderQueryConfig,
  defaultLimit: 20,
  isList: true,
}
