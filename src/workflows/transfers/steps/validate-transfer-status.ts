import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { TransferStatus } from "../../../types/enums"
import { retrieveTransfer } from "../utils/retrieve-transfer"

export const validateTransferStatusStepId = "validate-transfer-status"

/**
 * This step loads a transfer with its lines and their backorders (run it under the
 * transfer's lock), and refuses an unknown id or a status the action does not accept,
 * naming the transfer and its status.
 */
export const validateTransferStatusStep = createStep(
  validateTransferStatusStepId,
  async (
    input: { id: string; allowed: TransferStatus[]; action: string },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const transfer = await retrieveTransfer(service, input.id)
    if (!input.allowed.includes(transfer.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Transfer ${transfer.number} is ${transfer.status} and cannot be ${input.action}`
      )
    }
    return new StepResponse(transfer)
  }
)
