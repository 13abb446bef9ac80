export type SupplierAddress = {
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
}

export type CreateSupplierInput = {
  name: string
  code?: string | null
  email?: string | null
  phone?: string | null
  contact_name?: string | null
  address?: SupplierAddress | null
  currency_code?: string | null
  default_lead_time_days?: number | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateSupplierInput = Partial<CreateSupplierInput> & { id: string }

export type SupplierVariantInput = {
  variant_id: string
  supplier_sku?: string | null
  unit_cost?: number | null
  currency_code?: string | null
  lead_time_days?: number | null
  minimum_order_quantity?: number
  case_pack?: number
  is_preferred?: boolean
  metadata?: Record<string, unknown> | null
}

export type UpdateSupplierVariantInput = Partial<
  Omit<SupplierVariantInput, "variant_id">
> & {
  id: string
}
