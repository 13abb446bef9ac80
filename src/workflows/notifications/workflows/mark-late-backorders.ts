import {
  emitEventStep,
  sendNotificationsStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderEvents } from "../../../types/events"
import { markLateBackordersStep } from "../steps/mark-late-backorders"
import { readPluginOptionsStep } from "../../shared/steps/read-plugin-options"

export const markLateBackordersWorkflowId = "mark-late-backorders"

/**
 * This workflow marks the backorders whose promise date has passed late, once per promise,
 * emits `backorder.late` for each (the customer's apology is sent from it, if switched on),
 * and tells staff in Medusa's admin notification feed. Running it again marks and notifies
 * nothing new.
 *
 * @example
 * await markLateBackordersWorkflow(container).run({ input: {} })
 */
export const markLateBackordersWorkflow = createWorkflow(
  markLateBackordersWorkflowId,
  (input: WorkflowData<{ now?: Date; limit?: number }>) => {
    const late = markLateBackordersStep(input)
    const options = readPluginOptionsStep()

    const feed = transform({ late, options }, ({ late, options }) =>
      options.notifications.staffFeed
        ? late.map((b) => ({
            to: "",
            channel: "feed",
            template: "admin-ui",
            trigger_type: BackorderEvents.LATE,
            resource_id: b.id,
            resource_type: "backorder",
            idempotency_key: `backorder:${b.id}:late-feed:${b.promised_at}`,
            data: {
              title: "Backorder late",
              description: `${b.title ?? "A backordered item"} was promised for ${b.promised_at.slice(0, 10)} and is still waiting (backorder ${b.id}, order ${b.order_id}).`,
            },
          }))
        : []
    )
    sendNotificationsStep(feed)

    emitEventStep({
      eventName: BackorderEvents.LATE,
      data: transform({ late }, ({ late }) =>
        late.map((b) => ({
          id: b.id,
          order_id: b.order_id,
          promised_at: b.promised_at,
        }))
      ),
    })
    return new WorkflowResponse(late)
  }
)
