import { model } from "@medusajs/framework/utils"

/**
 * Every distinct `sku` and every distinct `title` of the backorders: what the staff search
 * of the backorder list matches `q` against, kept so that search reads one trigram index of
 * a few thousand texts (hand-written migration Migration20261203192900) instead of trigram
 * indexes on `backorder` itself, whose common trigrams (SKUs share prefixes) have posting
 * lists of the whole table and which every allocation UPDATE of a million-row table paid
 * for. Written by `createBackorders` in the same transaction as the backorders; never
 * deleted (a text no backorder has any more matches nothing).
 */
const BackorderSearchText = model.define("backorder_search_text", {
  value: model.text().primaryKey(),
})

export default BackorderSearchText
