// `npm run db:start`: start the embedded PostgreSQL (or check DATABASE_URL) and keep it
// running until Ctrl-C. Useful for `medusa plugin:db:generate` and running tests by hand.
import { startDatabase } from "./lib/database.mjs"

const db = await startDatabase()
console.log("")
for (const [key, value] of Object.entries(db.env)) {
  console.log(`export ${key}=${value}`)
}
if (!db.started) {
  process.exit(0)
}
console.log("\nPress Ctrl-C to stop.")
const stop = async () => {
  await db.stop()
  process.exit(0)
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
setInterval(() => {}, 1 << 30)
