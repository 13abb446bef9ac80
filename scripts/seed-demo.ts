import { ExecArgs } from "@medusajs/framework/types"
import { seedDemoStore } from "./seed/demo-store"

/**
 * `medusa exec ./scripts/seed-demo.ts`: seeds the demo store (idempotent). `npm run demo` runs it.
 */
export default async function seedDemo({ container }: ExecArgs) {
  await seedDemoStore(container)
}
