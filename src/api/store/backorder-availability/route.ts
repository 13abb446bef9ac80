import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { getBackorderAvailability } from "../../../workflows/backorders/utils/availability"
import { StoreGetBackorderAvailabilityParamsType } from "../backorders/validators"
import { withConflictMessages } from "../../utils/errors"

/**
 * Whether variants can be bought now, can be backordered, and when stock is expected, in
 * the sales channel of the request's publishable API key.
 */
export const GET = withConflictMessages(async function (
  req: MedusaStoreRequest<unknown, StoreGetBackorderAvailabilityParamsType>,
  res: MedusaResponse
) {
  const variantIds = ([] as string[]).concat(
    req.validatedQuery.variant_id as string | string[]
  )
  const availability = await getBackorderAvailability(req.scope, {
    variant_ids: variantIds,
    sales_channel_ids: req.publishable_key_context.sales_channel_ids,
  })
  res.json({ availability })
})
