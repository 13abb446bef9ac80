import { PurchaseOrderLeadTime } from "../../../types/purchasing"

/**
 * The lead time a new purchase order's expected date is counted from: per line the variant's
 * term with the supplier (`lead_time_days`) when it has one, else the supplier's default; the
 * longest of them, so the order is expected when its slowest line arrives. On a tie the
 * variant's own term is named. Null when no line has a lead time.
 *
 * @example
 * purchaseOrderLeadTime(7, [{ variant_id: "variant_grinder", lead_time_days: 5 }])
 * // { days: 5, source: "variant_terms", variant_id: "variant_grinder" }
 */
export function purchaseOrderLeadTime(
  supplierDefaultDays: number | null | undefined,
  lines: { variant_id: string; lead_time_days: number | null | undefined }[]
): PurchaseOrderLeadTime | null {
  let longest: PurchaseOrderLeadTime | null = null
  for (const line of lines) {
    const own = line.lead_time_days ?? null
    const candidate: PurchaseOrderLeadTime | null =
      own !== null
        ? { days: own, source: "variant_terms", variant_id: line.variant_id }
        : supplierDefaultDays !== null && supplierDefaultDays !== undefined
          ? {
              days: supplierDefaultDays,
              source: "supplier_default",
              variant_id: null,
            }
          : null
    if (
      candidate &&
      (!longest ||
        candidate.days > longest.days ||
        (candidate.days === longest.days &&
          longest.source === "supplier_default" &&
          candidate.source === "variant_terms"))
    ) {
      longest = candidate
    }
  }
  return longest
}

/** `days` whole days after `from`. */
export function addLeadTime(from: number, days: number): Date {
  return new Date(from + days * 24 * 3600 * 1000)
}
