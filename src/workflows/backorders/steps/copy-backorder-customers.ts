import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import { BACKORDER_CUSTOMER_FIELDS } from "../../../types/backorder-module"
import BackorderModuleService from "../../../modules/backorder/service"

/**
 * Copies the searchable fields (email, names, company, phone) of these Medusa customers into
 * the backorder module, where the staff search of the backorder list finds them through a
 * trigram index. Called when backorders are recorded for them and when one is updated; a
 * copy left behind by a rolled-back recording only names a customer, so nothing undoes it.
 */
export async function copyBackorderCustomers(
  container: Pick<MedusaContainer, "resolve">,
  customerIds: (string | null | undefined)[]
): Promise<void> {
  const ids = [...new Set(customerIds.filter((id): id is string => !!id))]
  if (!ids.length) {
    return
  }
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers(
    { id: ids },
    {
      select: ["id", ...BACKORDER_CUSTOMER_FIELDS],
    }
  )
  await container
    .resolve<BackorderModuleService>(BACKORDER_MODULE)
    .upsertBackorderCustomerCopies(customers)
}
