import { createRbacRolesWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"

import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"

export type RequestHeaders = { headers: Record<string, string> }

/**
 * Creates an admin user with an emailpass identity and returns request headers carrying a
 * real JWT signed with the host's secret, the way Medusa's own integration tests do.
 */
export async function createAdminUser(
  container: MedusaContainer,
  email = "admin@backorders.test",
  roleIds?: string[]
): Promise<RequestHeaders & { userId: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({
    first_name: "Ada",
    last_name: "Admin",
    email,
  })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [
      {
        provider: "emailpass",
        entity_id: email,
        provider_metadata: { password: "not-used-by-token-auth" },
      },
    ],
    app_metadata: { user_id: user.id },
  })

  if (roleIds?.length) {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create(
      roleIds.map((rbac_role_id) => ({
        [Modules.USER]: { user_id: user.id },
        [Modules.RBAC]: { rbac_role_id },
      }))
    )
  }

  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const { jwtSecret, jwtOptions } = config.projectConfig.http
  // Medusa's login puts the user's role ids into `app_metadata.roles` when RBAC is on.
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: roleIds
        ? { user_id: user.id, roles: roleIds }
        : { user_id: user.id },
    },
    { secret: jwtSecret, expiresIn: "1d", jwtOptions }
  )

  return { userId: user.id, headers: { authorization: `Bearer ${token}` } }
}

/**
 * The preamble of the HTTP tests: the demo store seeded and an admin signed in, in the
 * container of the test's own database.
 */
export async function seedDemoStoreWithAdmin(
  container: MedusaContainer
): Promise<{ store: DemoStore; admin: RequestHeaders & { userId: string } }> {
  const store = await seedDemoStore(container)
  const admin = await createAdminUser(container)
  return { store, admin }
}

/**
 * With Medusa's RBAC module on (MEDUSA_FF_RBAC=true): creates a role through Medusa's own
 * workflow with the given policies (`purchase_order:receive`, `order:read`, ...), which
 * Medusa synced into `rbac_policy` at start-up, and returns its id.
 */
export async function createRole(
  container: MedusaContainer,
  name: string,
  policyKeys: string[]
): Promise<string> {
  const rbac = container.resolve(Modules.RBAC)
  const policies = await rbac.listRbacPolicies({ key: policyKeys })
  const missing = policyKeys.filter((k) => !policies.some((p) => p.key === k))
  if (missing.length) {
    throw new Error(`No RBAC policy ${missing.join(", ")}`)
  }
  const { result } = await createRbacRolesWorkflow(container).run({
    input: { roles: [{ name, policy_ids: policies.map((p) => p.id) }] },
  })
  return result[0].id
}

/** An admin user holding the given roles, signed in like Medusa's login with RBAC on. */
export async function createAdminUserWithRoles(
  container: MedusaContainer,
  email: string,
  roleIds: string[]
): Promise<RequestHeaders & { userId: string }> {
  return createAdminUser(container, email, roleIds)
}
