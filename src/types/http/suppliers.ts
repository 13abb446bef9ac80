/**
 * The shapes of the admin supplier routes' answers, shared by the routes and the dashboard
 * (type-only imports, erased in the admin bundle).
 */

export type AdminSupplier = {
  id: string
  name: string
  code: string | null
  email: string | null
  phone: string | null
  contact_name: string | null
  currency_code: string | null
  default_lead_time_days: number | null
  notes: string | null
  created_at: string
}

/** A supplier's terms for one variant. */
export type AdminSupplierVariant = {
  id: string
  supplier_id: string
  variant_id: string
  supplier_sku: string | null
  unit_cost: number | null
  currency_code: string | null
  lead_time_days: number | null
  minimum_order_quantity: number
  case_pack: number
  is_preferred: boolean
}

export type AdminSupplierResponse = { supplier: AdminSupplier }

export type AdminSupplierListResponse = {
  suppliers: AdminSupplier[]
  count: number
  offset: number
  limit: number
}

export type AdminSupplierVariantResponse = {
  supplier_variant: AdminSupplierVariant
}

export type AdminSupplierVariantListResponse = {
  supplier_variants: AdminSupplierVariant[]
  count: number
  offset: number
  limit: number
}

export type AdminSupplierDeleteResponse = {
  id: string
  object: "supplier"
  deleted: true
}

export type AdminSupplierVariantDeleteResponse = {
  id: string
  object: "supplier_variant"
  deleted: true
}
