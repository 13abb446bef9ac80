import { z } from "@medusajs/framework/zod"
import {
  createFindParams,
  createSelectParams,
} from "@medusajs/medusa/api/utils/validators"
import { PurchaseOrderStatus } from "../../../types/enums"
import { unitQuantity } from "../../utils/validators"

const statusEnum = z.enum(
  Object.values(PurchaseOrderStatus) as [
    PurchaseOrderStatus,
    ...PurchaseOrderStatus[],
  ]
)
const stringOrArray = z.union([z.string(), z.array(z.string())])

export const AdminGetPurchaseOrderParams = createSelectParams()
export type AdminGetPurchaseOrderParamsType = z.infer<
  typeof AdminGetPurchaseOrderParams
>

export const AdminGetPurchaseOrdersParams = createFindParams({
  limit: 20,
  offset: 0,
})
  .merge(
    z.object({
      id: stringOrArray.optional(),
      status: z.union([statusEnum, z.array(statusEnum)]).optional(),
      supplier_id: stringOrArray.optional(),
      location_id: stringOrArray.optional(),
      parent_id: stringOrArray.optional(),
    })
  )
  .strict()
export type AdminGetPurchaseOrdersParamsType = z.infer<
  typeof AdminGetPurchaseOrdersParams
>

const Line = z
  .object({
    variant_id: z.string().min(1),
    quantity: unitQuantity(),
    unit_cost: z.number().min(0).optional(),
  })
  .strict()

const destination = {
  location_id: z.string().min(1).optional(),
  expected_at: z.coerce.date().optional(),
  notes: z.string().max(5000).optional(),
}

export const AdminCreatePurchaseOrder = z
  .object({
    supplier_id: z.string().min(1),
    ...destination,
    lines: z.array(Line).min(1),
  })
  .strict()
export type AdminCreatePurchaseOrderType = z.infer<
  typeof AdminCreatePurchaseOrder
>

export const AdminRequestStock = z
  .object({
    backorder_ids: z.array(z.string().min(1)).min(1).optional(),
    /** Every new backorder of this supplier not on order yet (SaleDock's bulk action). */
    all_open_backorders_of_supplier: z.boolean().optional(),
    supplier_id: z.string().min(1).optional(),
    purchase_order_id: z.string().min(1).optional(),
    dropship: z.boolean().optional(),
    ...destination,
  })
  .strict()
  .superRefine((data, ctx) => {
    if (!data.backorder_ids && !data.all_open_backorders_of_supplier) {
      ctx.addIssue({
        code: "custom",
        path: ["backorder_ids"],
        message:
          "Give backorder_ids, or all_open_backorders_of_supplier with a supplier_id",
      })
    }
    if (data.all_open_backorders_of_supplier && !data.supplier_id) {
      ctx.addIssue({
        code: "custom",
        path: ["supplier_id"],
        message: "all_open_backorders_of_supplier needs a supplier_id",
      })
    }
  })
export type AdminRequestStockType = z.infer<typeof AdminRequestStock>

export const AdminSendPurchaseOrder = z
  .object({ expected_at: z.coerce.date().optional() })
  .strict()
export type AdminSendPurchaseOrderType = z.infer<typeof AdminSendPurchaseOrder>

export const AdminPurchaseOrderDocument = z.object({}).strict()

export const AdminSendPurchaseOrderToSupplier = z
  .object({
    /** The supplier's email address by default. */
    to: z.string().trim().email().max(320).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
export type AdminSendPurchaseOrderToSupplierType = z.infer<
  typeof AdminSendPurchaseOrderToSupplier
>

export const AdminReceivePurchaseOrder = z
  .object({
    lines: z
      .array(
        z
          .object({
            purchase_order_line_id: z.string().min(1),
            quantity: unitQuantity(),
            over_receive: z.boolean().optional(),
          })
          .strict()
      )
      .min(1),
    /** Also accepted as the Idempotency-Key header. */
    idempotency_key: z.string().min(1).max(200).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
export type AdminReceivePurchaseOrderType = z.infer<
  typeof AdminReceivePurchaseOrder
>

export const AdminCompletePurchaseOrder = z
  .object({
    /** Per line: move the unreceived remainder to a follow-up purchase order, or cancel it. */
    lines: z
      .array(
        z
          .object({
            purchase_order_line_id: z.string().min(1),
            action: z.enum(["backorder", "cancel"]),
          })
          .strict()
      )
      .optional(),
    expected_at: z.coerce.date().optional(),
  })
  .strict()
export type AdminCompletePurchaseOrderType = z.infer<
  typeof AdminCompletePurchaseOrder
>

export const AdminUpdatePurchaseOrder = z
  .object({
    expected_at: z.coerce.date().nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
    supplier_reference: z.string().max(200).nullable().optional(),
  })
  .strict()
export type AdminUpdatePurchaseOrderType = z.infer<
  typeof AdminUpdatePurchaseOrder
>

export const AdminEditPurchaseOrderLines = z
  .object({
    /** New lines: variants added to the draft, merged into an existing line of the variant. */
    add: z.array(Line).optional(),
    update: z
      .array(
        z
          .object({
            id: z.string().min(1),
            quantity: unitQuantity().optional(),
            unit_cost: z.number().min(0).nullable().optional(),
          })
          .strict()
      )
      .optional(),
    remove: z.array(z.string().min(1)).optional(),
  })
  .strict()
export type AdminEditPurchaseOrderLinesType = z.infer<
  typeof AdminEditPurchaseOrderLines
>
