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
