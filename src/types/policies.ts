/**
 * The plugin's RBAC resources and the operations each one knows. With Medusa's `rbac`
 * feature flag and RBAC module on, every admin route of the plugin requires one of these as
 * `resource:operation` (for example `purchase_order:complete`); with it off, nothing is checked.
 *
 * Plain data without imports, so the dashboard extensions can use it as well.
 */
export const BackorderPolicyOperations = {
  backorder: ["read", "update", "cancel", "release"],
  purchase_order: [
    "read",
    "create",
    "update",
    "send",
    "receive",
    "complete",
    "cancel",
  ],
  supplier: ["read", "create", "update", "delete"],
  transfer: ["read", "create", "update", "send", "receive", "cancel"],
  to_order_sale: ["create"],
} as const

export type BackorderPolicyResource = keyof typeof BackorderPolicyOperations

/** A policy of the plugin as Medusa names it: `purchase_order:complete`. */
export type BackorderPolicyKey = {
  [R in BackorderPolicyResource]: `${R}:${(typeof BackorderPolicyOperations)[R][number]}`
}[BackorderPolicyResource]

export type PolicyAction = { resource: string; operation: string }

/** Every policy of the plugin, in declaration order. */
export const BACKORDER_POLICY_KEYS = (
  Object.entries(BackorderPolicyOperations) as [
    BackorderPolicyResource,
    readonly string[],
  ][]
).flatMap(([resource, operations]) =>
  operations.map(
    (operation) => `${resource}:${operation}` as BackorderPolicyKey
  )
)

/**
 * The `policies` of a route entry in `defineMiddlewares`, from typed keys.
 *
 * @example
 * { matcher: "/admin/purchase-orders/:id/complete", policies: requires("purchase_order:complete") }
 */
export function requires(...keys: BackorderPolicyKey[]): PolicyAction[] {
  return keys.map((key) => {
    const [resource, operation] = key.split(":")
    return { resource, operation }
  })
}
