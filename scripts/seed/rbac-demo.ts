import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createRbacRolesWorkflow,
  createUsersWorkflow,
} from "@medusajs/medusa/core-flows"
import { BACKORDER_POLICY_KEYS } from "../../src/types/policies"
import { DEMO_ADMIN } from "./demo-store"

/**
 * TechPOS's roles, for a demo with Medusa's RBAC on (MEDUSA_FF_RBAC=true): a purchasing
 * manager who may do everything the plugin offers, and a receiving clerk who may read
 * backorders and purchase orders and receive deliveries, but not complete a purchase order.
 */
export const DEMO_ROLES = [
  {
    name: "Purchasing manager",
    email: "manager@example.com",
    policies: [...BACKORDER_POLICY_KEYS, "stock_location:read"],
  },
  {
    name: "Receiving clerk",
    email: "clerk@example.com",
    policies: [
      "backorder:read",
      "purchase_order:read",
      "purchase_order:receive",
      "stock_location:read",
    ],
  },
] as const

/** Creates the demo roles and their users (password as the demo admin's); idempotent. */
export async function seedRbacDemo(container: MedusaContainer) {
  if (!container.hasRegistration(Modules.RBAC)) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const rbac = container.resolve(Modules.RBAC)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  // Medusa syncs the registered policies into `rbac_policy` when the application starts;
  // `medusa exec` runs before any start, so sync them here the same way.
  await (
    rbac as unknown as { syncRegisteredPolicies(): Promise<void> }
  ).syncRegisteredPolicies()

  for (const demo of DEMO_ROLES) {
    const [existing] = await userModule.listUsers({ email: demo.email })
    if (existing) {
      continue
    }
    const policies = await rbac.listRbacPolicies({
      key: [...demo.policies],
    })
    const {
      result: [role],
    } = await createRbacRolesWorkflow(container).run({
      input: {
        roles: [{ name: demo.name, policy_ids: policies.map((p) => p.id) }],
      },
    })
    const { result: users } = await createUsersWorkflow(container).run({
      input: {
        users: [
          {
            email: demo.email,
            first_name: demo.name.split(" ")[1],
            last_name: "Demo",
            roles: [role.id],
          },
        ],
      },
    })
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: demo.email, password: DEMO_ADMIN.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not register ${demo.email}: ${error}`)
    }
    await authModule.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { user_id: users[0].id },
    })
  }
  logger.info("Demo roles ready: manager@example.com, clerk@example.com.")
}
