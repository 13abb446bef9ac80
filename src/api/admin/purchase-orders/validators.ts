import { z } from "@medusajs/framework/zod"
import { PurchaseOrderStatus } from "../../../types/enums"
import {
  date,
  findParams,
  id,
  idempotencyKey,
  ids,
  LIMITS,
  money,
  quantity,
  selectParams,
  text,
} from "../../utils/validators"

const statusEnum = z.enum(
  Object.values(PurchaseOrderStatus) as [
    PurchaseOrderStatus,
    ...PurchaseOrderStatus[],
  ]
)
const stringOrArray = ids()

/** What the purchase order list can be sorted by. */
export const PURCHASE_ORDER_SORTABLE = [
  "created_at",
  "updated_at",
  "display_id",
  "status",
  "expected_at",
  "ordered_at",
  "received_at",
] as const

export const AdminGetPurchaseOrderParams = selectParams()
export type AdminGetPurchaseOrderParamsType = z.infer<
  typeof AdminGetPurchaseOrderParams
>

export const AdminGetPurchaseOrdersParams = findParams({
  limit: 20,
  sortable: PURCHASE_ORDER_SORTABLE,
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
    variant_id: id(),
    quantity: quantity(),
    unit_cost: money().optional(),
    /** Order exactly this quantity instead of rounding up to the supplier's terms. */
    round_to_terms: z.boolean().optional(),
  })
  .strict()

const lines = () => z.array(Line).min(1).max(LIMITS.MAX_LINES)

const destination = {
  location_id: id().optional(),
  expected_at: date().optional(),
  notes: text(LIMITS.MAX_NOTE_LENGTH, { multiline: true }).optional(),
}

export const AdminCreatePurchaseOrder = z
  .object({
    supplier_id: id(),
    ...destination,
    lines: lines(),
    /**
     * Round each line up to the supplier's minimum order quantity and case pack (the
     * default); `false` orders exactly the quantities given. A line may say otherwise.
     */
    round_to_terms: z.boolean().optional(),
  })
  .strict()
export type AdminCreatePurchaseOrderType = z.infer<
  typeof AdminCreatePurchaseOrder
>

export const AdminRequestStock = z
  .object({
    backorder_ids: z.array(id()).min(1).max(LIMITS.MAX_IDS).optional(),
    /** Every new backorder of this supplier not on order yet (SaleDock's bulk action). */
    all_open_backorders_of_supplier: z.boolean().optional(),
    supplier_id: id().optional(),
    purchase_order_id: id().optional(),
    dropship: z.boolean().optional(),
    /** `false` orders exactly the waiting units, not rounded to the supplier's terms. */
    round_to_terms: z.boolean().optional(),
    /** Answer what would be created or added to, changing nothing. */
    preview: z.boolean().optional(),
    /**
     * Backorders that cannot be ordered (not new, already on an open purchase order, gone)
     * are left out and listed in `skipped` instead of refusing the whole request.
     */
    skip_unavailable: z.boolean().optional(),
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
  .object({ expected_at: date().optional() })
  .strict()
export type AdminSendPurchaseOrderType = z.infer<typeof AdminSendPurchaseOrder>

export const AdminPurchaseOrderDocument = z.object({}).strict()

export const AdminSendPurchaseOrderToSupplier = z
  .object({
    /** The supplier's email address by default. */
    to: text(LIMITS.MAX_NAME_LENGTH).pipe(z.email()).optional(),
    note: text(LIMITS.MAX_NOTE_LENGTH, { multiline: true }).optional(),
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
            purchase_order_line_id: id(),
            quantity: quantity(),
            over_receive: z.boolean().optional(),
          })
          .strict()
      )
      .min(1)
      .max(LIMITS.MAX_LINES),
    /** Also accepted as the Idempotency-Key header. */
    idempotency_key: idempotencyKey().optional(),
    note: text(2000, { multiline: true }).optional(),
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
            purchase_order_line_id: id(),
            action: z.enum(["backorder", "cancel"]),
          })
          .strict()
      )
      .max(LIMITS.MAX_LINES)
      .optional(),
    expected_at: date().optional(),
  })
  .strict()
export type AdminCompletePurchaseOrderType = z.infer<
  typeof AdminCompletePurchaseOrder
>

export const AdminUpdatePurchaseOrder = z
  .object({
    expected_at: date().nullable().optional(),
    notes: text(LIMITS.MAX_NOTE_LENGTH, { multiline: true })
      .nullable()
      .optional(),
    supplier_reference: text(LIMITS.MAX_NAME_LENGTH).nullable().optional(),
  })
  .strict()
export type AdminUpdatePurchaseOrderType = z.infer<
  typeof AdminUpdatePurchaseOrder
>

export const AdminEditPurchaseOrderLines = z
  .object({
    /** New lines: variants added to the draft, merged into an existing line of the variant. */
    add: z.array(Line).max(LIMITS.MAX_LINES).optional(),
    update: z
      .array(
        z
          .object({
            id: id(),
            quantity: quantity().optional(),
            unit_cost: money().nullable().optional(),
          })
          .strict()
      )
      .max(LIMITS.MAX_LINES)
      .optional(),
    remove: z.array(id()).max(LIMITS.MAX_LINES).optional(),
  })
  .strict()
export type AdminEditPurchaseOrderLinesType = z.infer<
  typeof AdminEditPurchaseOrderLines
>
