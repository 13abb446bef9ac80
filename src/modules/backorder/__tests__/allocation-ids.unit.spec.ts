import { decodeTime } from "ulid"
import { allocationIds } from "../queries/allocation"

describe("allocationIds", () => {
  it("makes distinct ids shaped as Medusa's, whose ULID carries the time", () => {
    const at = new Date("2026-12-03T12:00:00.123Z")
    const ids = allocationIds(10000, at)
    expect(ids).toHaveLength(10000)
    expect(new Set(ids).size).toBe(10000)
    for (const id of ids) {
      expect(id).toMatch(/^alloc_[0-9A-HJKMNP-TV-Z]{26}$/)
    }
    expect(decodeTime(ids[0].slice("alloc_".length))).toBe(at.getTime())
  })

  it("makes none for nothing", () => {
    expect(allocationIds(0)).toEqual([])
  })
})
