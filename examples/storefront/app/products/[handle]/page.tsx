import { notFound } from "next/navigation"
import { getBackorderAvailability } from "medusa-plugin-backorders/storefront"
import { ProductAvailability } from "medusa-plugin-backorders/storefront/react"
import { currentRegion, formatMoney, sdk } from "../../../lib/medusa"
import { addToCart } from "../../actions"

export default async function ProductPage({
  params,
}: {
  params: { handle: string }
}) {
  const region = await currentRegion()
  const { products } = await sdk.store.product.list({
    handle: params.handle,
    region_id: region.id,
    fields: "id,title,description,handle,*variants,*variants.calculated_price",
  })
  const product = products[0]
  if (!product) {
    notFound()
  }
  const variants = product.variants ?? []
  // The whole product page in one request, however many variants it has.
  const availability = await getBackorderAvailability(
    sdk,
    variants.map((v) => v.id)
  )
  return (
    <article>
      <h1>{product.title}</h1>
      <p>{product.description}</p>
      <ul className="grid">
        {variants.map((variant) => {
          const a = availability[variant.id]
          const price = variant.calculated_price
          const buyable = a && a.status !== "out_of_stock"
          return (
            <li
              key={variant.id}
              className="card"
              data-variant={variant.sku ?? ""}
            >
              <h2>{variant.title}</h2>
              {price?.calculated_amount != null ? (
                <p>
                  {formatMoney(
                    price.calculated_amount,
                    price.currency_code ?? region.currency_code
                  )}
                </p>
              ) : null}
              {a ? <ProductAvailability availability={a} /> : null}
              <form action={addToCart} className="stack">
                <input type="hidden" name="variant_id" value={variant.id} />
                <label>
                  Quantity
                  <input
                    type="number"
                    name="quantity"
                    min={1}
                    max={99}
                    defaultValue={1}
                    aria-label={`Quantity of ${variant.title}`}
                  />
                </label>
                <button type="submit" disabled={!buyable}>
                  Add {variant.title} to cart
                </button>
              </form>
            </li>
          )
        })}
      </ul>
    </article>
  )
}
