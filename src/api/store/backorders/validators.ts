import { z } from "@medusajs/framework/zod"
import { BackorderStatus } from "../../../types/enums"
import {
  findParams,
  id,
  ids,
  LIMITS,
  selectParams,
} from "../../utils/validators"

const statusEnum = z.enum(
  Object.values(BackorderStatus) as [BackorderStatus, ...BackorderStatus[]]
)

export const StoreGetBackorderParams = selectParams()
export type StoreGetBackorderParamsType = z.infer<
  typeof StoreGetBackorderParams
>

export const StoreGetBackordersParams = findParams({
  limit: 20,
  sortable: ["created_at", "updated_at", "promised_at", "status"],
})
  .merge(
    z.object({
      status: z.union([statusEnum, z.array(statusEnum)]).optional(),
      order_id: ids().optional(),
    })
  )
  .strict()
export type StoreGetBackordersParamsType = z.infer<
  typeof StoreGetBackordersParams
>

export const StoreGetBackorderAvailabilityParams = z
  .object({
    variant_id: z.union([id(), z.array(id()).min(1).max(LIMITS.MAX_IDS)]),
  })
  .strict()
export type StoreGetBackorderAvailabilityParamsType = z.infer<
  typeof StoreGetBackorderAvailabilityParams
>
