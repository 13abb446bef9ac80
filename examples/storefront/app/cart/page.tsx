import { cookies } from "next/headers"
import { getBackorderAvailability } from "medusa-plugin-backorders/storefront"
import { CartLineAvailability } from "medusa-plugin-backorders/storefront/react"
import { CART_COOKIE, formatMoney, sdk } from "../../lib/medusa"
import { placeOrder } from "../actions"

export default async function CartPage() {
  const cartId = cookies().get(CART_COOKIE)?.value
  const cart = cartId
    ? (await sdk.store.cart.retrieve(cartId).catch(() => null))?.cart
    : null
  const items = cart?.items ?? []
  if (!cart || !items.length) {
    return (
      <>
        <h1>Cart</h1>
        <p>Your cart is empty.</p>
      </>
    )
  }
  // One request for every line of the cart.
  const availability = await getBackorderAvailability(
    sdk,
    items.map((i) => i.variant_id!).filter(Boolean)
  )
  return (
    <>
      <h1>Cart</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-line={item.variant_sku ?? ""}>
              <td>
                {item.product_title} {item.variant_title}
                {item.variant_id && availability[item.variant_id] ? (
                  <CartLineAvailability
                    availability={availability[item.variant_id]}
                    quantity={item.quantity}
                  />
                ) : null}
              </td>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.total ?? 0, cart.currency_code)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Checkout</h2>
      <form action={placeOrder} className="stack" aria-label="Checkout">
        <label>
          Email
          <input
            name="email"
            type="email"
            required
            defaultValue={cart.email ?? ""}
          />
        </label>
        <label>
          First name
          <input name="first_name" required />
        </label>
        <label>
          Last name
          <input name="last_name" required />
        </label>
        <label>
          Address
          <input name="address_1" required />
        </label>
        <label>
          City
          <input name="city" required />
        </label>
        <label>
          Postal code
          <input name="postal_code" required />
        </label>
        <label>
          Country
          <select name="country_code" defaultValue="nl">
            <option value="nl">Netherlands</option>
            <option value="fr">France</option>
            <option value="de">Germany</option>
            <option value="be">Belgium</option>
          </select>
        </label>
        <p>Payment: pay on delivery (manual payment).</p>
        <button type="submit">Place order</button>
      </form>
    </>
  )
}
