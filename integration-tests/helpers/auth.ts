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
  email = "admin@backorders.test"
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

  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const { jwtSecret, jwtOptions } = config.projectConfig.http
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id },
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
