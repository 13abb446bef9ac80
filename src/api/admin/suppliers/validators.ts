import { z } from "@medusajs/framework/zod"
import {
  createFindParams,
  createSelectParams,
} from "@medusajs/medusa/api/utils/validators"
import { unitQuantity } from "../../utils/validators"

const stringOrArray = z.union([z.string(), z.array(z.string())])

export const AdminGetSupplierParams = createSelectParams()
export type AdminGetSupplierParamsType = z.infer<typeof AdminGetSupplierParams>

export const AdminGetSuppliersParams = createFindParams({
  limit: 20,
  offset: 0,
})
  .merge(
    z.object({
      q: z.string().optional(),
      id: stringOrArray.optional(),
      code: stringOrArray.optional(),
    })
  )
  .strict()
export type AdminGetSuppliersParamsType = z.infer<
  typeof AdminGetSuppliersParams
>

const SupplierAddress = z
  .object({
    address_1: z.string().nullish(),
    address_2: z.string().nullish(),
    city: z.string().nullish(),
    postal_code: z.string().nullish(),
    province: z.string().nullish(),
    country_code: z.string().length(2).nullish(),
  })
  .strict()

const supplierFields = {
  code: z.string().min(1).max(50).nullish(),
  email: z.string().email().nullish(),
  phone: z.string().max(50).nullish(),
  contact_name: z.string().max(200).nullish(),
  address: SupplierAddress.nullish(),
  currency_code: z.string().length(3).toLowerCase().nullish(),
  default_lead_time_days: z.number().int().min(0).nullish(),
  notes: z.string().max(5000).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminCreateSupplier = z
  .object({ name: z.string().min(1).max(200), ...supplierFields })
  .strict()
export type AdminCreateSupplierType = z.infer<typeof AdminCreateSupplier>

export const AdminUpdateSupplier = z
  .object({ name: z.string().min(1).max(200).optional(), ...supplierFields })
  .strict()
export type AdminUpdateSupplierType = z.infer<typeof AdminUpdateSupplier>

const termsFields = {
  supplier_sku: z.string().max(100).nullish(),
  unit_cost: z.number().min(0).nullish(),
  currency_code: z.string().length(3).toLowerCase().nullish(),
  lead_time_days: z.number().int().min(0).nullish(),
  minimum_order_quantity: unitQuantity().optional(),
  case_pack: unitQuantity().optional(),
  is_preferred: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminCreateSupplierVariant = z
  .object({ variant_id: z.string().min(1), ...termsFields })
  .strict()
export type AdminCreateSupplierVariantType = z.infer<
  typeof AdminCreateSupplierVariant
>

export const AdminUpdateSupplierVariant = z.object(termsFields).strict()
export type AdminUpdateSupplierVariantType = z.infer<
  typeof AdminUpdateSupplierVariant
>

export const AdminGetSupplierVariantsParams = createFindParams({
  limit: 50,
  offset: 0,
})
  .merge(
    z.object({
      variant_id: stringOrArray.optional(),
      is_preferred: z.coerce.boolean().optional(),
    })
  )
  .strict()
export type AdminGetSupplierVariantsParamsType = z.infer<
  typeof AdminGetSupplierVariantsParams
>
