import { MedusaContainer } from "@medusajs/framework/types"
import { BACKORDER_MODULE } from "../modules/backorder"
import BackorderModuleService from "../modules/backorder/service"
import { markLateBackordersWorkflow } from "../workflows/notifications/workflows/mark-late-backorders"

/**
 * Every 15 minutes, on the worker: backorders whose promise date has passed are marked late
 * once, `backorder.late` is emitted and staff (and, if switched on, the customer) are told.
 */
export default async function markLateBackordersJob(
  container: MedusaContainer
) {
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  if (!service.getOptions().scheduledJobs) {
    return
  }
  await markLateBackordersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "backorders-mark-late",
  schedule: "*/15 * * * *",
}
