import { addLeadTime, purchaseOrderLeadTime } from "../utils/lead-time"

describe("purchaseOrderLeadTime", () => {
  it("uses a variant's own term over the supplier's longer default", () => {
    expect(
      purchaseOrderLeadTime(7, [{ variant_id: "variant_a", lead_time_days: 5 }])
    ).toEqual({ days: 5, source: "variant_terms", variant_id: "variant_a" })
  })

  it("takes the longest of the lines, a line without a term counting the supplier's default", () => {
    expect(
      purchaseOrderLeadTime(7, [
        { variant_id: "variant_a", lead_time_days: 5 },
        { variant_id: "variant_b", lead_time_days: null },
      ])
    ).toEqual({ days: 7, source: "supplier_default", variant_id: null })
    expect(
      purchaseOrderLeadTime(7, [
        { variant_id: "variant_a", lead_time_days: 5 },
        { variant_id: "variant_b", lead_time_days: 21 },
      ])
    ).toEqual({ days: 21, source: "variant_terms", variant_id: "variant_b" })
  })

  it("names the variant's term on a tie, and answers null without any lead time", () => {
    expect(
      purchaseOrderLeadTime(5, [
        { variant_id: "variant_a", lead_time_days: null },
        { variant_id: "variant_b", lead_time_days: 5 },
      ])
    ).toEqual({ days: 5, source: "variant_terms", variant_id: "variant_b" })
    expect(
      purchaseOrderLeadTime(null, [
        { variant_id: "variant_a", lead_time_days: null },
      ])
    ).toBeNull()
    expect(
      purchaseOrderLeadTime(0, [
        { variant_id: "variant_a", lead_time_days: null },
      ])
    ).toEqual({ days: 0, source: "supplier_default", variant_id: null })
  })
})

describe("addLeadTime", () => {
  it("adds whole days", () => {
    expect(
      addLeadTime(Date.parse("2026-12-03T12:30:00.000Z"), 5).toISOString()
    ).toBe("2026-12-08T12:30:00.000Z")
  })
})
