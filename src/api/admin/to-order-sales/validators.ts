import { z } from "@medusajs/framework/zod"
import { PaymentPolicy } from "../../../types/enums"
import { unitQuantity } from "../../utils/validators"

export const AdminToOrderSaleLine = z
  .object({
    variant_id: z.string().min(1),
    quantity: unitQuantity(),
    unit_price: z.number().min(0).optional(),
    hold_back: z.boolean().optional(),
  })
  .strict()

export const AdminToOrderSale = z
  .object({
    // Optional here so that a sale without a customer gets the workflow's explanation.
    customer_id: z.string().min(1).optional(),
    location_id: z.string().min(1),
    sales_channel_id: z.string().min(1).optional(),
    region_id: z.string().min(1).optional(),
    lines: z.array(AdminToOrderSaleLine).min(1),
    payment_policy: z.enum(
      Object.values(PaymentPolicy) as [PaymentPolicy, ...PaymentPolicy[]]
    ),
    deposit_amount: z.number().positive().optional(),
    deposit_percent: z.number().gt(0).max(100).optional(),
    priority: z.number().int().optional(),
    note: z.string().max(2000).optional(),
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
