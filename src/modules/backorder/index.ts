import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import BackorderModuleService from "./service"

export const BACKORDER_MODULE = "backorder"

export default Module(BACKORDER_MODULE, {
  service: BackorderModuleService,
  loaders: [validateOptionsLoader],
})
