import { z } from "@medusajs/framework/zod"

/**
 * A count of units: a whole number of at least 1. Refused with a message that says so and
 * names the value, for 0, negatives and fractions alike.
 */
export const unitQuantity = () =>
  z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < 1) {
      ctx.addIssue({
        code: "custom",
        message: `Quantity must be a whole number of units of at least 1, got ${value}`,
      })
    }
  })
