import { z } from "@medusajs/framework/zod"
import {
  createFindParams,
  createSelectParams,
} from "@medusajs/medusa/api/utils/validators"
import { BackorderStatus } from "../../../types/enums"

const statusEnum = z.enum(
  Object.values(BackorderStatus) as [BackorderStatus, ...BackorderStatus[]]
)

export const StoreGetBackorderParams = createSelectParams()
export type StoreGetBackorderParamsType = z.infer<
  typeof StoreGetBackorderParams
>

export const StoreGetBackordersParams = createFindParams({
  limit: 20,
  offset: 0,
})
  .merge(
    z.object({
      status: z.union([statusEnum, z.array(statusEnum)]).optional(),
      order_id: z.union([z.string(), z.array(z.string())]).optional(),
    })
  )
  .strict()
export type StoreGetBackordersParamsType = z.infer<
  typeof StoreGetBackordersParams
>

export const StoreGetBackorderAvailabilityParams = z
  .object({
    variant_id: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  })
  .strict()
export type StoreGetBackorderAvailabilityParamsType = z.infer<
  typeof StoreGetBackorderAvailabilityParams
>
