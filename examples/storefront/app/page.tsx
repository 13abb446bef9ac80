import Link from "next/link"
import { getBackorderAvailability } from "medusa-plugin-backorders/storefront"
import { ProductAvailability } from "medusa-plugin-backorders/storefront/react"
import { currentRegion, sdk } from "../lib/medusa"

export default async function ProductsPage() {
  const region = await currentRegion()
  const { products } = await sdk.store.product.list({
    region_id: region.id,
    fields: "id,title,handle,*variants",
    limit: 50,
  })
  // One request for every variant on the page.
  const availability = await getBackorderAvailability(
    sdk,
    products.flatMap((p) => (p.variants ?? []).map((v) => v.id))
  )
  return (
    <>
      <h1>Shop</h1>
      <ul className="grid">
        {products.map((product) => (
          <li key={product.id} className="card">
            <h2>
              <Link href={`/products/${product.handle}`}>{product.title}</Link>
            </h2>
            {(product.variants ?? []).map((variant) =>
              availability[variant.id] ? (
                <div key={variant.id}>
                  <small>{variant.title}</small>
                  <ProductAvailability
                    availability={availability[variant.id]}
                  />
                </div>
              ) : null
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
