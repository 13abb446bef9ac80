import { z } from "@medusajs/framework/zod"
import { BackorderSource, BackorderStatus } from "../../../types/enums"
import {
  dateFilter,
  findParams,
  id,
  ids,
  LIMITS,
  quantity,
  searchText,
  selectParams,
  text,
} from "../../utils/validators"

const stringOrArray = ids()

/** What the backorder list can be sorted by. */
export const BACKORDER_SORTABLE = [
  "created_at",
  "updated_at",
  "promised_at",
  "on_order_at",
  "available_at",
  "fulfilled_at",
  "cancelled_at",
  "status",
  "sku",
  "title",
  "quantity",
  "priority",
] as const

export const AdminGetBackorderParams = selectParams()
export type AdminGetBackorderParamsType = z.infer<
  typeof AdminGetBackorderParams
>

export const AdminGetBackordersParamsFields = z.object({
  /** Staff search: SKU or title, customer name or email, order number (`#12`). */
  q: searchText().pipe(z.string().min(1)).optional(),
  id: stringOrArray.optional(),
  status: z
    .union([
      z.enum(
        Object.values(BackorderStatus) as [
          BackorderStatus,
          ...BackorderStatus[],
        ]
      ),
      z.array(
        z.enum(
          Object.values(BackorderStatus) as [
            BackorderStatus,
            ...BackorderStatus[],
          ]
        )
      ),
    ])
    .optional(),
  source: z
    .union([
      z.enum(
        Object.values(BackorderSource) as [
          BackorderSource,
          ...BackorderSource[],
        ]
      ),
      z.array(
        z.enum(
          Object.values(BackorderSource) as [
            BackorderSource,
            ...BackorderSource[],
          ]
        )
      ),
    ])
    .optional(),
  order_id: stringOrArray.optional(),
  customer_id: stringOrArray.optional(),
  location_id: stringOrArray.optional(),
  supplier_id: stringOrArray.optional(),
  product_id: stringOrArray.optional(),
  variant_id: stringOrArray.optional(),
  inventory_item_id: stringOrArray.optional(),
  created_at: dateFilter().optional(),
  updated_at: dateFilter().optional(),
  /** Only backorders whose promise date has passed with units still waiting. */
  late: z.enum(["true"]).optional(),
  /**
   * `true`: only backorders on a draft purchase order or draft transfer (requested, not
   * sent); `false`: only those on none.
   */
  in_draft: z.enum(["true", "false"]).optional(),
})

export const AdminGetBackordersParams = findParams({
  limit: 20,
  sortable: BACKORDER_SORTABLE,
})
  .merge(AdminGetBackordersParamsFields)
  .strict()
export type AdminGetBackordersParamsType = z.infer<
  typeof AdminGetBackordersParams
>

/** The list filters without paging, for the status counts and the supplier groups. */
export const AdminGetBackorderAggregatesParams =
  AdminGetBackordersParamsFields.strict()
export type AdminGetBackorderAggregatesParamsType = z.infer<
  typeof AdminGetBackorderAggregatesParams
>

export const AdminCancelBackorder = z
  .object({
    /** Units to cancel; all open units by default. */
    quantity: quantity().optional(),
    reason: text(500, { multiline: true }).optional(),
  })
  .strict()
export type AdminCancelBackorderType = z.infer<typeof AdminCancelBackorder>

export const AdminFulfilBackorders = z
  .object({
    /** Only these backorders of the order; all with allocated units by default. */
    backorder_ids: z.array(id()).min(1).max(LIMITS.MAX_IDS).optional(),
    /** Answer what would be packed and captured, changing nothing. */
    preview: z.boolean().optional(),
  })
  .strict()
export type AdminFulfilBackordersType = z.infer<typeof AdminFulfilBackorders>

export const AdminReleaseAllocation = z
  .object({
    to_backorder_id: id(),
    quantity: quantity(),
    reason: text(500, { multiline: true }).pipe(z.string().min(1)),
  })
  .strict()
export type AdminReleaseAllocationType = z.infer<typeof AdminReleaseAllocation>

export const AdminGetBackorderHealthParams = z.object({}).strict()

export const AdminGetBackorderStockSummaryParams = z
  .object({
    variant_id: id().optional(),
    inventory_item_id: id().optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    if (!data.variant_id === !data.inventory_item_id) {
      ctx.addIssue({
        code: "custom",
        path: ["variant_id"],
        message: "Give either variant_id or inventory_item_id",
      })
    }
  })
export type AdminGetBackorderStockSummaryParamsType = z.infer<
  typeof AdminGetBackorderStockSummaryParams
>

export const AdminGetAllocationsParams = findParams({
  limit: 50,
  sortable: ["created_at", "quantity"],
})
  .merge(
    z.object({
      backorder_id: stringOrArray.optional(),
      purchase_order_id: stringOrArray.optional(),
      transfer_id: stringOrArray.optional(),
      inventory_item_id: stringOrArray.optional(),
      location_id: stringOrArray.optional(),
    })
  )
  .strict()
export type AdminGetAllocationsParamsType = z.infer<
  typeof AdminGetAllocationsParams
>
