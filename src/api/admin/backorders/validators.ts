import { z } from "@medusajs/framework/zod"
import {
  createFindParams,
  createOperatorMap,
  createSelectParams,
} from "@medusajs/medusa/api/utils/validators"
import { BackorderSource, BackorderStatus } from "../../../types/enums"
import { unitQuantity } from "../../utils/validators"

const stringOrArray = z.union([z.string(), z.array(z.string())])

export const AdminGetBackorderParams = createSelectParams()
export type AdminGetBackorderParamsType = z.infer<
  typeof AdminGetBackorderParams
>

export const AdminGetBackordersParamsFields = z.object({
  /** Staff search: SKU or title, customer name or email, order number (`#12`). */
  q: z.string().trim().min(1).max(200).optional(),
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
  created_at: createOperatorMap().optional(),
  updated_at: createOperatorMap().optional(),
  /** Only backorders whose promise date has passed with units still waiting. */
  late: z.enum(["true"]).optional(),
})

export const AdminGetBackordersParams = createFindParams({
  limit: 20,
  offset: 0,
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
    quantity: unitQuantity().optional(),
    reason: z.string().max(500).optional(),
  })
  .strict()
export type AdminCancelBackorderType = z.infer<typeof AdminCancelBackorder>

export const AdminFulfilBackorders = z
  .object({
    /** Only these backorders of the order; all with allocated units by default. */
    backorder_ids: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
export type AdminFulfilBackordersType = z.infer<typeof AdminFulfilBackorders>

export const AdminReleaseAllocation = z
  .object({
    to_backorder_id: z.string().min(1),
    quantity: unitQuantity(),
    reason: z.string().min(1).max(500),
  })
  .strict()
export type AdminReleaseAllocationType = z.infer<typeof AdminReleaseAllocation>

export const AdminGetBackorderHealthParams = z.object({}).strict()

export const AdminGetBackorderStockSummaryParams = z
  .object({
    variant_id: z.string().min(1).optional(),
    inventory_item_id: z.string().min(1).optional(),
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

export const AdminGetAllocationsParams = createFindParams({
  limit: 50,
  offset: 0,
})
  .merge(
    z.object({
      backorder_id: stringOrArray.optional(),
      purchase_order_id: stringOrArray.optional(),
      inventory_item_id: stringOrArray.optional(),
      location_id: stringOrArray.optional(),
    })
  )
  .strict()
export type AdminGetAllocationsParamsType = z.infer<
  typeof AdminGetAllocationsParams
>
