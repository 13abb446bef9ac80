import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { TransferEvents } from "../../../types/events"
import { RequestTransferInput } from "../../../types/transfers"
import { planTransferStep } from "../steps/plan-transfer"
import { saveTransferStep } from "../steps/save-transfer"

export const requestTransferWorkflowId = "request-transfer"

/**
 * This workflow requests a transfer from one of the merchant's own locations for waiting
 * backorders (SaleDock's transfer request): a draft transfer to the location the backorders
 * wait at, one line per inventory item with their waiting units, each line linked to the
 * backorders it serves; with `transfer_id` the units go onto that open draft instead. The
 * source must have the units free (stocked minus reserved). Emits `transfer.created`, or
 * `transfer.updated` for a draft that was added to.
 *
 * @example
 * const { result } = await requestTransferWorkflow(container).run({
 *   input: { backorder_ids: ["bo_1"], source_location_id: "sloc_warehouse" },
 * })
 */
export const requestTransferWorkflow = createWorkflow(
  requestTransferWorkflowId,
  (input: WorkflowData<RequestTransferInput>) => {
    const plan = planTransferStep(input)
    const saved = saveTransferStep(plan)
    const event = transform({ saved }, ({ saved }) => ({ id: saved.id }))

    when("transfer-created", { saved }, ({ saved }) => saved.created).then(
      () => {
        emitEventStep({
          eventName: TransferEvents.CREATED,
          data: event,
        }).config({ name: "emit-transfer-created" })
      }
    )
    when("transfer-updated", { saved }, ({ saved }) => !saved.created).then(
      () => {
        emitEventStep({
          eventName: TransferEvents.UPDATED,
          data: event,
        }).config({ name: "emit-transfer-updated" })
      }
    )
    return new WorkflowResponse(transform({ saved }, ({ saved }) => saved.id))
  }
)
