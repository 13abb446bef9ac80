import { decodeTime } from "ulid"
import { allocationIdPrefix } from "../queries/allocation"

describe("allocationIdPrefix", () => {
  it("starts ids shaped as Medusa's, whose ULID carries the time, random after it", () => {
    const at = new Date("2026-12-03T12:00:00.123Z")
    const prefixes = Array.from({ length: 1000 }, () => allocationIdPrefix(at))
    expect(new Set(prefixes).size).toBe(1000)
    for (const prefix of prefixes) {
      expect(prefix).toMatch(/^alloc_[0-9A-HJKMNP-TV-Z]{20}$/)
      // The allocation's SQL adds six characters of the row's place in the queue.
      expect(decodeTime(`${prefix}000000`.slice("alloc_".length))).toBe(
        at.getTime()
      )
    }
  })
})
