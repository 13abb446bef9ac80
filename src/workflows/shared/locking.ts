import { MedusaContainer } from "@medusajs/framework/types"
import {
  generateEntityId,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"
import { BACKORDER_MODULE } from "../../modules/backorder"
import type BackorderModuleService from "../../modules/backorder/service"

/**
 * How the plugin locks, in one place.
 *
 * Keys are bare inventory item ids (the keys Medusa's own reservation, checkout and fulfilment
 * steps lock on, so the plugin's quantity arithmetic is serialised with theirs) and
 * `purchase_order:<id>` for a purchase order being received or completed.
 *
 * - **All at once, or none.** A holder never waits while holding part of a key set: every try
 *   takes the whole set, sorted, and gives back what it got when one key is taken. Two
 *   changes that need overlapping keys can therefore never each hold what the other waits for
 *   (Medusa's own `acquireLockStep` keeps what it got while retrying the rest, and two of them
 *   can wait on each other until both time out).
 * - **Short leases.** A lock lives `leaseSeconds` (5 s by default) and is renewed while its
 *   holder is alive, so the keys of a crashed process are free again within seconds, not
 *   after a two-minute TTL.
 * - **Bounded waits.** A change waits `waitSeconds` (30 s by default) and is then refused
 *   with a 409 that names the keys and says to try again.
 */
export type LockSettings = { waitSeconds: number; leaseSeconds: number }

export const DEFAULT_LOCK_SETTINGS: LockSettings = {
  waitSeconds: 30,
  leaseSeconds: 5,
}

const FIRST_RETRY_MS = 10
const MAX_RETRY_MS = 250

/** Renewal timers of the locks this process holds, by owner. */
const renewals = new Map<string, Renewal>()

export function lockSettings(container: MedusaContainer): LockSettings {
  try {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    return service.getOptions().locking
  } catch {
    return DEFAULT_LOCK_SETTINGS
  }
}

/** The sorted, distinct, non-empty keys of a lock. */
export function lockKeys(keys: (string | null | undefined)[]): string[] {
  return [...new Set(keys.filter((k): k is string => !!k))].sort()
}

/**
 * Takes the Locking module's lock on all `keys` for `ownerId`, all at once or not at all,
 * retrying with jittered backoff for up to `waitSeconds`, and keeps renewing the lease until
 * `releaseLocks` is called. Refuses with a 409 naming the keys when they stay taken.
 */
export async function acquireLocks(
  container: MedusaContainer,
  keys: string[],
  ownerId: string
): Promise<void> {
  const sorted = lockKeys(keys)
  if (!sorted.length) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  const { waitSeconds, leaseSeconds } = lockSettings(container)
  const deadline = Date.now() + waitSeconds * 1000
  let delay = FIRST_RETRY_MS
  while (true) {
    try {
      // One call for the whole set: a provider takes the keys it can and throws on the first
      // one held by another owner (it never queues: `awaitQueue` is off).
      await locking.acquire(sorted, {
        ownerId,
        expire: leaseSeconds,
        awaitQueue: false,
      } as Parameters<typeof locking.acquire>[1])
      break
    } catch {
      // Give back whatever this try got before waiting: never wait holding part of the set.
      await locking.release(sorted, { ownerId }).catch(() => undefined)
      if (Date.now() + delay >= deadline) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Inventory items ${sorted.join(", ")} stayed locked by other changes for ${waitSeconds} seconds: nothing was changed, try again`
        )
      }
      await sleep(delay * (0.5 + Math.random() / 2))
      delay = Math.min(delay * 2, MAX_RETRY_MS)
    }
  }
  startRenewal(container, sorted, ownerId, leaseSeconds)
}

/** Stops renewing and releases the keys `ownerId` holds (those it lost are left alone). */
export async function releaseLocks(
  container: MedusaContainer,
  keys: string[],
  ownerId: string
): Promise<void> {
  await stopRenewal(ownerId)
  const sorted = lockKeys(keys)
  if (!sorted.length) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  await locking.release(sorted, { ownerId })
}

/**
 * Runs `job` holding the lock on `keys` (see `acquireLocks`), and releases it afterwards,
 * whether the job succeeded or not. Hold it only around quantity arithmetic: reads and
 * writes of reservations, stock levels and backorder quantities, never around payments or
 * order creation.
 */
export async function withLock<T>(
  container: MedusaContainer,
  keys: string[],
  job: () => Promise<T>
): Promise<T> {
  const ownerId = generateEntityId(undefined, "lock")
  await acquireLocks(container, keys, ownerId)
  try {
    return await job()
  } finally {
    await releaseLocks(container, keys, ownerId)
  }
}

type Renewal = { timer?: NodeJS.Timeout; inflight?: Promise<unknown> }

function startRenewal(
  container: MedusaContainer,
  keys: string[],
  ownerId: string,
  leaseSeconds: number
) {
  const locking = container.resolve(Modules.LOCKING)
  const interval = Math.max(250, Math.floor((leaseSeconds * 1000) / 3))
  const renewal: Renewal = {}
  const schedule = () => {
    renewal.timer = setTimeout(renew, interval)
    renewal.timer.unref?.()
  }
  const renew = () => {
    // Taking keys one already owns extends their lease; a key lost in the meantime (this
    // process stalled past the lease) throws, and renewing stops.
    renewal.inflight = locking
      .acquire(keys, {
        ownerId,
        expire: leaseSeconds,
        awaitQueue: false,
      } as Parameters<typeof locking.acquire>[1])
      .then(
        () => renewals.get(ownerId) === renewal && schedule(),
        () => renewals.delete(ownerId)
      )
  }
  renewals.set(ownerId, renewal)
  schedule()
}

/** Stops renewing; waits for a renewal under way so it cannot re-take released keys. */
async function stopRenewal(ownerId: string) {
  const renewal = renewals.get(ownerId)
  if (!renewal) {
    return
  }
  renewals.delete(ownerId)
  clearTimeout(renewal.timer)
  await renewal.inflight?.catch(() => undefined)
}

/** The lock a to-order sale holds while it is being made: its liveness for the sweep. */
export const toOrderSaleLockKey = (attemptId: string) =>
  `to_order_sale:${attemptId}`

/**
 * Whether nobody holds `keys` now: takes and gives them back at once, without waiting. A
 * holder that died lets its lease run out within `leaseSeconds`, so this tells a crashed
 * holder from a live one.
 */
export async function isUnlocked(
  container: MedusaContainer,
  keys: string[]
): Promise<boolean> {
  const locking = container.resolve(Modules.LOCKING)
  const ownerId = generateEntityId(undefined, "probe")
  const sorted = lockKeys(keys)
  try {
    await locking.acquire(sorted, {
      ownerId,
      expire: lockSettings(container).leaseSeconds,
      awaitQueue: false,
    } as Parameters<typeof locking.acquire>[1])
    return true
  } catch {
    return false
  } finally {
    await locking.release(sorted, { ownerId }).catch(() => undefined)
  }
}
