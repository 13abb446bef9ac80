import { readdirSync, readFileSync } from "fs"
import { join, relative, sep } from "path"
import { MedusaPolicySymbol, Policy } from "@medusajs/framework/utils"
import middlewares from "../middlewares"
import { backorderPolicies } from "../../policies/backorders"
import { BACKORDER_POLICY_KEYS } from "../../types/policies"

const adminDir = join(__dirname, "..", "admin")

/** Every admin route of the plugin as `METHOD /admin/...:id`, read from its route file. */
function adminRoutes(dir = adminDir): { method: string; matcher: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      return adminRoutes(path)
    }
    if (entry.name !== "route.ts") {
      return []
    }
    const segments = relative(adminDir, dir)
      .split(sep)
      .filter(Boolean)
      .map((segment) => segment.replace(/^\[(.+)\]$/, ":$1"))
    const matcher = ["/admin", ...segments].join("/")
    const methods = [
      ...readFileSync(path, "utf8").matchAll(
        /export const (GET|POST|PUT|PATCH|DELETE)\b/g
      ),
    ].map((m) => m[1])
    return methods.map((method) => ({ method, matcher }))
  })
}

describe("RBAC policies of the admin routes", () => {
  const routes = adminRoutes()
  const entries = middlewares.routes ?? []

  it("finds the plugin's admin routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(30)
    expect(routes).toContainEqual({
      method: "POST",
      matcher: "/admin/purchase-orders/:id/complete",
    })
  })

  it("gives every admin route and method a policy of the plugin", () => {
    const without = routes.filter(({ method, matcher }) => {
      const policies = entries
        .filter(
          (entry) =>
            entry.matcher === matcher &&
            (entry.methods ?? []).includes(method as never)
        )
        .flatMap((entry) => {
          const p = entry.policies ?? []
          return Array.isArray(p) ? p : [p]
        })
        .filter((p) =>
          BACKORDER_POLICY_KEYS.includes(
            `${p.resource}:${p.operation}` as never
          )
        )
      return policies.length === 0
    })
    expect(without).toEqual([])
  })

  it("requires purchase_order:complete, and only it, to complete a purchase order", () => {
    const complete = entries.find(
      (entry) => entry.matcher === "/admin/purchase-orders/:id/complete"
    )
    expect(complete?.policies).toEqual([
      { resource: "purchase_order", operation: "complete" },
    ])
  })

  it("defines every policy with definePolicies, named as Medusa names its own", () => {
    expect(backorderPolicies[MedusaPolicySymbol]).toBe(true)
    expect(
      backorderPolicies.policies.map((p) => `${p.resource}:${p.operation}`)
    ).toEqual(BACKORDER_POLICY_KEYS)
    expect(BACKORDER_POLICY_KEYS).toEqual([
      "backorder:read",
      "backorder:update",
      "backorder:cancel",
      "backorder:release",
      "purchase_order:read",
      "purchase_order:create",
      "purchase_order:update",
      "purchase_order:send",
      "purchase_order:receive",
      "purchase_order:complete",
      "purchase_order:cancel",
      "supplier:read",
      "supplier:create",
      "supplier:update",
      "supplier:delete",
      "transfer:read",
      "transfer:create",
      "transfer:update",
      "transfer:send",
      "transfer:receive",
      "transfer:cancel",
      "to_order_sale:create",
    ])
    expect(Policy.CompletePurchaseOrder).toEqual({
      name: "CompletePurchaseOrder",
      resource: "purchase_order",
      operation: "complete",
      description: "Complete purchase order",
    })
  })
})
