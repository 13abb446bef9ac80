import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export const readPluginOptionsStepId = "read-backorder-plugin-options"

/** This step reads the plugin options (with their defaults), for steps that branch on them. */
export const readPluginOptionsStep = createStep(
  readPluginOptionsStepId,
  async (_: void, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    return new StepResponse(service.getOptions())
  }
)
