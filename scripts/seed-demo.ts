import { ExecArgs } from "@medusajs/framework/types"
import { seedDemoStore } from "./seed/demo-store"
import { seedRbacDemo } from "./seed/rbac-demo"

/**
 * `medusa exec ./scripts/seed-demo.ts`: seeds the demo store (idempotent). `npm run demo` runs it.
 * With Medusa's RBAC on (MEDUSA_FF_RBAC=true) it also creates two demo roles and their users.
 */
export default async function seedDemo({ container }: ExecArgs) {
  await seedDemoStore(container)
  await seedRbacDemo(container)
}
