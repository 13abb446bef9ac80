import { z } from "@medusajs/framework/zod"
import { PaymentPolicy } from "../../../types/enums"
import {
  id,
  LIMITS,
  money,
  quantity,
  text,
  wholeNumber,
} from "../../utils/validators"

export const AdminToOrderSaleLine = z
  .object({
    variant_id: id(),
    quantity: quantity(),
    unit_price: money().optional(),
    hold_back: z.boolean().optional(),
  })
  .strict()

export const AdminToOrderSale = z
  .object({
    // Optional here so that a sale without a customer gets the workflow's explanation.
    customer_id: id().optional(),
    location_id: id(),
    sales_channel_id: id().optional(),
    region_id: id().optional(),
    lines: z.array(AdminToOrderSaleLine).min(1).max(LIMITS.MAX_LINES),
    payment_policy: z.enum(
      Object.values(PaymentPolicy) as [PaymentPolicy, ...PaymentPolicy[]]
    ),
    deposit_amount: money({ positive: true }).optional(),
    deposit_percent: z.number().gt(0).max(100).optional(),
    priority: wholeNumber(-LIMITS.MAX_PRIORITY, LIMITS.MAX_PRIORITY).optional(),
    note: text(2000, { multiline: true }).optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    const depositGiven =
      data.deposit_amount !== undefined || data.deposit_percent !== undefined
    if (depositGiven && data.payment_policy !== PaymentPolicy.DEPOSIT) {
      ctx.addIssue({
        code: "custom",
        path: ["payment_policy"],
        message: `A deposit is only taken with payment_policy 'deposit', not '${data.payment_policy}'`,
      })
    }
    if (
      data.deposit_amount !== undefined &&
      data.deposit_percent !== undefined
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["deposit_amount"],
        message: "Give deposit_amount or deposit_percent, not both",
      })
    }
  })
export type AdminToOrderSaleType = z.infer<typeof AdminToOrderSale>
