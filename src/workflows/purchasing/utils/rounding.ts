import { LineRounding } from "../../../types/purchasing"

/**
 * The quantity to order for `needed` units: at least the minimum order quantity, then up to
 * a whole number of case packs. The extra goes to stock.
 */
export function roundOrderQuantity(
  needed: number,
  minimumOrderQuantity = 1,
  casePack = 1
): number {
  const atLeast = Math.max(needed, minimumOrderQuantity)
  return Math.ceil(atLeast / casePack) * casePack
}

/**
 * Why `requested` became `quantity` under the terms, in the words staff see:
 * "rounded from 2 to 10 (minimum order 10)", "rounded from 7 to 12 (case pack 6)";
 * null when nothing was rounded.
 */
export function describeRounding(
  requested: number,
  quantity: number,
  minimumOrderQuantity = 1,
  casePack = 1
): LineRounding | null {
  if (quantity === requested) {
    return null
  }
  const causes = [
    minimumOrderQuantity > requested
      ? `minimum order ${minimumOrderQuantity}`
      : null,
    quantity > Math.max(requested, minimumOrderQuantity)
      ? `case pack ${casePack}`
      : null,
  ].filter(Boolean)
  return {
    requested_quantity: requested,
    quantity,
    minimum_order_quantity:
      minimumOrderQuantity > 1 ? minimumOrderQuantity : null,
    case_pack: casePack > 1 ? casePack : null,
    reason: `rounded from ${requested} to ${quantity} (${causes.join(", ")})`,
  }
}
