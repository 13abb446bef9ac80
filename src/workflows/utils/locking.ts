import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** How long a quantity change waits for the inventory items it locks, in seconds. */
export const LOCK_TIMEOUT_SECONDS = 30

/**
 * Runs `job` holding the Locking module's lock on the given keys (bare inventory item ids,
 * the keys Medusa's own reservation and fulfilment steps use), waiting up to
 * `LOCK_TIMEOUT_SECONDS`. A request that cannot get the lock in time lost a race: it is
 * refused with a 409 that says so, not a bare 500.
 */
export async function withLock<T>(
  container: MedusaContainer,
  keys: string[],
  job: () => Promise<T>
): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  let started = false
  try {
    return await locking.execute(
      keys,
      async () => {
        started = true
        return await job()
      },
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
  } catch (error) {
    if (!started) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Inventory items ${keys.join(", ")} stayed locked by other changes for ${LOCK_TIMEOUT_SECONDS} seconds: try again`
      )
    }
    throw error
  }
}
