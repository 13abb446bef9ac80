import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGetBackorderParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import { withPurchaseOrderNumbers } from "../../../utils/purchase-order-numbers"
import type { AdminBackorderResponse } from "../../../../types/http/backorders"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackorderParamsType>,
  res: MedusaResponse<AdminBackorderResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const {
    data: [backorder],
  } = await query.graph(
    {
      entity: "backorder",
      fields: req.queryConfig.fields,
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )

  const [numbered] = withPurchaseOrderNumbers(req.scope, [backorder])
  res.json({ backorder: numbered })
})
