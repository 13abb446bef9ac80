import { z } from "@medusajs/framework/zod"
import {
  findParams,
  id,
  ids,
  LIMITS,
  metadata,
  money,
  quantity,
  searchText,
  selectParams,
  text,
  wholeNumber,
} from "../../utils/validators"

const stringOrArray = ids()
const name = () => text(LIMITS.MAX_NAME_LENGTH)
const leadTimeDays = () => wholeNumber(0, LIMITS.MAX_LEAD_TIME_DAYS)

export const AdminGetSupplierParams = selectParams()
export type AdminGetSupplierParamsType = z.infer<typeof AdminGetSupplierParams>

export const AdminGetSuppliersParams = findParams({
  limit: 20,
  sortable: [
    "name",
    "code",
    "email",
    "contact_name",
    "default_lead_time_days",
    "currency_code",
    "created_at",
    "updated_at",
  ],
})
  .merge(
    z.object({
      q: searchText().optional(),
      id: stringOrArray.optional(),
      code: z.union([name(), z.array(name()).max(LIMITS.MAX_IDS)]).optional(),
    })
  )
  .strict()
export type AdminGetSuppliersParamsType = z.infer<
  typeof AdminGetSuppliersParams
>

const currencyCode = () =>
  z
    .string()
    .regex(/^[A-Za-z]{3}$/, { message: "Must be a three-letter currency code" })
    .toLowerCase()

const SupplierAddress = z
  .object({
    address_1: name().nullish(),
    address_2: name().nullish(),
    city: name().nullish(),
    postal_code: text(50).nullish(),
    province: name().nullish(),
    country_code: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: "Must be a two-letter country code" })
      .nullish(),
  })
  .strict()

const supplierFields = {
  code: text(50).pipe(z.string().min(1)).nullish(),
  email: z.string().max(LIMITS.MAX_NAME_LENGTH).email().nullish(),
  phone: text(50).nullish(),
  contact_name: name().nullish(),
  address: SupplierAddress.nullish(),
  currency_code: currencyCode().nullish(),
  default_lead_time_days: leadTimeDays().nullish(),
  notes: text(LIMITS.MAX_NOTE_LENGTH, { multiline: true }).nullish(),
  metadata: metadata().nullish(),
}

export const AdminCreateSupplier = z
  .object({ name: name().pipe(z.string().min(1)), ...supplierFields })
  .strict()
export type AdminCreateSupplierType = z.infer<typeof AdminCreateSupplier>

export const AdminUpdateSupplier = z
  .object({
    name: name().pipe(z.string().min(1)).optional(),
    ...supplierFields,
  })
  .strict()
export type AdminUpdateSupplierType = z.infer<typeof AdminUpdateSupplier>

const termsFields = {
  supplier_sku: text(100).nullish(),
  unit_cost: money().nullish(),
  currency_code: currencyCode().nullish(),
  lead_time_days: leadTimeDays().nullish(),
  minimum_order_quantity: quantity().optional(),
  case_pack: quantity().optional(),
  is_preferred: z.boolean().optional(),
  metadata: metadata().nullish(),
}

export const AdminCreateSupplierVariant = z
  .object({ variant_id: id(), ...termsFields })
  .strict()
export type AdminCreateSupplierVariantType = z.infer<
  typeof AdminCreateSupplierVariant
>

export const AdminUpdateSupplierVariant = z.object(termsFields).strict()
export type AdminUpdateSupplierVariantType = z.infer<
  typeof AdminUpdateSupplierVariant
>

export const AdminGetSupplierVariantsParams = findParams({
  limit: 50,
  sortable: [
    "created_at",
    "updated_at",
    "supplier_sku",
    "unit_cost",
    "lead_time_days",
    "minimum_order_quantity",
    "case_pack",
    "is_preferred",
  ],
})
  .merge(
    z.object({
      variant_id: stringOrArray.optional(),
      is_preferred: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional(),
    })
  )
  .strict()
export type AdminGetSupplierVariantsParamsType = z.infer<
  typeof AdminGetSupplierVariantsParams
>
