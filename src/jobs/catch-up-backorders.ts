import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../modules/backorder"
import BackorderModuleService from "../modules/backorder/service"
import { catchUpBackorders } from "../workflows/backorders/utils/catch-up"

/**
 * Every minute, on the worker: records the shortages of orders whose `order.placed` event was
 * lost or whose handler failed, hands out free stock whose inventory level event was missed,
 * refreshes the search copy of customers whose `customer.updated` was, adds the search texts
 * of backorders an older server recorded without them, and sends the confirmations and ready
 * notices whose events were lost. Nothing that must
 * happen depends on one delivery of one event.
 */
export default async function catchUpBackordersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const { catchUp: options, scheduledJobs } = backorderModule.getOptions()
  if (!options || !scheduledJobs) {
    return
  }
  const result = await catchUpBackorders(container, options)
  if (
    result.recorded_order_ids.length ||
    result.allocated_level_ids.length ||
    result.refreshed_customer_ids.length ||
    result.added_search_texts.length ||
    result.notified_backorder_ids.confirmed.length ||
    result.notified_backorder_ids.ready.length
  ) {
    logger.info(
      `Backorders caught up: recorded orders ${result.recorded_order_ids.join(", ") || "none"}; allocated stock at inventory levels ${result.allocated_level_ids.join(", ") || "none"}; refreshed search copies of customers ${result.refreshed_customer_ids.join(", ") || "none"}; added search texts ${result.added_search_texts.join(", ") || "none"}; sent missed confirmations for ${result.notified_backorder_ids.confirmed.join(", ") || "none"} and ready notices for ${result.notified_backorder_ids.ready.join(", ") || "none"}`
    )
  }
}

export const config = {
  name: "backorders-catch-up",
  schedule: "* * * * *",
}
