import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BACKORDER_MODULE } from "../modules/backorder"
import BackorderModuleService from "../modules/backorder/service"
import { copyBackorderCustomers } from "../workflows/backorders/steps/copy-backorder-customers"

/**
 * An updated customer who has backorders gets the copy of their email, names, company and
 * phone refreshed, so the backorder search finds them by what they are called now.
 */
export default async function customerUpdatedCopySearchFields({
  event: { data },
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = [data].flat().map((d) => d.id)
  const copied = await container
    .resolve<BackorderModuleService>(BACKORDER_MODULE)
    .listBackorderCustomers({ id: ids }, { select: ["id"] })
  await copyBackorderCustomers(
    container,
    copied.map((c) => c.id)
  )
}

export const config: SubscriberConfig = {
  event: "customer.updated",
  context: { subscriberId: "backorders-copy-customer-search-fields" },
}
