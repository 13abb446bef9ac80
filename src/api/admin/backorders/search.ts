import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

/**
 * Turns the staff search `q` of the backorder list, its counts and supplier groups into an
 * `id` filter, so the three always agree: SKU or title containing the text, customers
 * whose email, name, company or phone contains it, or the order with that number (`12` or
 * `#12`). The text is searched literally: `%` and `_` match only themselves.
 */
export async function resolveBackorderSearch(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const params = req.validatedQuery as Record<string, unknown>
  const q = params.q as string | undefined
  if (q === undefined) {
    return next()
  }
  const found = await findBackorderIdsBySearch(req.scope, q)
  const given =
    params.id === undefined ? null : ([params.id].flat() as string[])
  const ids = given ? found.filter((id) => given.includes(id)) : found

  delete params.q
  params.id = ids
  if (req.filterableFields) {
    delete req.filterableFields.q
    req.filterableFields.id = ids
  }
  next()
}

/**
 * Ids of the backorders the staff search `q` finds (newest first, at most 1000): SKU or
 * title containing the text (the module's trigram-indexed table of the distinct SKUs and
 * titles), customers whose email, name, company or phone contains it (the module's
 * trigram-indexed copy of them), or the order with that number. Four reads, whatever the
 * number of backorders.
 */
export async function findBackorderIdsBySearch(
  scope: MedusaContainer,
  q: string
): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const backorderModule: BackorderModuleService =
    scope.resolve(BACKORDER_MODULE)

  const orderNumber = /^#?(\d{1,9})$/.exec(q)?.[1]
  const [customers, orders] = await Promise.all([
    // The module's copy of the customers with backorders (trigram indexed), not Medusa's
    // customer search, which reads every customer of the store.
    backorderModule.searchBackorderCustomerIds(q, 200),
    orderNumber
      ? query
          .graph({
            entity: "order",
            fields: ["id"],
            filters: { display_id: Number(orderNumber) },
          })
          .then(({ data }) => data)
      : Promise.resolve([] as { id: string }[]),
  ])
  return await backorderModule.searchBackorderIds(q, {
    customer_ids: customers,
    order_ids: orders.map((o) => o.id),
  })
}
