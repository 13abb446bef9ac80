import { definePolicies } from "@medusajs/framework/utils"
import { BackorderPolicyOperations } from "../types/policies"

const pascal = (value: string) =>
  value
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("")

/**
 * The plugin's RBAC policies (`backorder:read`, `purchase_order:complete`, ...), named the
 * way Medusa names its own (`CompletePurchaseOrder`). Medusa loads this folder for the
 * project and for every plugin and, with the RBAC module on, syncs them into `rbac_policy` at
 * start-up, so they can be granted to roles like any core policy.
 */
export const backorderPolicies = definePolicies(
  Object.entries(BackorderPolicyOperations).flatMap(([resource, operations]) =>
    operations.map((operation) => ({
      name: `${pascal(operation)}${pascal(resource)}`,
      resource,
      operation,
      description: `${pascal(operation)} ${resource.replace(/_/g, " ")}`,
    }))
  )
)
