import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withConflictMessages } from "../../utils/errors"
import { withTransferNames } from "./helpers"
import { AdminGetTransfersParamsType } from "./validators"

/** Transfers between the merchant's own locations, filtered and paged. */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTransfersParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = [
    ...new Set([
      ...req.queryConfig.fields,
      "display_id",
      "source_location_id",
      "destination_location_id",
    ]),
  ]
  const { data, metadata } = await query.graph({
    entity: "transfer",
    fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    transfers: await withTransferNames(req.scope, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})
