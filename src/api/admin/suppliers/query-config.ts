export const defaultAdminSupplierFields = [
  "id",
  "name",
  "code",
  "email",
  "phone",
  "contact_name",
  "address",
  "currency_code",
  "default_lead_time_days",
  "notes",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveSupplierQueryConfig = {
  entity: "supplier",
  defaults: defaultAdminSupplierFields,
  isList: false,
}

export const listSupplierQueryConfig = {
  ...retrieveSupplierQueryConfig,
  defaultLimit: 20,
  isList: true,
}

export const defaultAdminSupplierVariantFields = [
  "id",
  "supplier_id",
  "variant_id",
  "inventory_item_id",
  "supplier_sku",
  "unit_cost",
  "currency_code",
  "lead_time_days",
  "minimum_order_quantity",
  "case_pack",
  "is_preferred",
  "metadata",
  "created_at",
  "updated_at",
]

export const listSupplierVariantQueryConfig = {
  entity: "supplier_variant",
  defaults: defaultAdminSupplierVariantFields,
  defaultLimit: 50,
  isList: true,
}
