import { AxiosInstance } from "axios"
import { DemoStore } from "../../scripts/seed/demo-store"

export type Shopper = {
  customerId: string
  headers: Record<string, string>
}

/** Registers a storefront customer through the real auth routes and logs them in. */
export async function registerShopper(
  api: AxiosInstance,
  store: DemoStore,
  email: string
): Promise<Shopper> {
  const pk = { "x-publishable-api-key": store.publishableKey }
  const registered = await api.post("/auth/customer/emailpass/register", {
    email,
    password: "secret-password",
  })
  const customer = await api.post(
    "/store/customers",
    { email, first_name: email.split("@")[0], last_name: "Shopper" },
    { headers: { ...pk, authorization: `Bearer ${registered.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", {
    email,
    password: "secret-password",
  })
  return {
    customerId: customer.data.customer.id,
    headers: { ...pk, authorization: `Bearer ${login.data.token}` },
  }
}

/**
 * Checks a cart out through Medusa's own store API: cart, address, shipping, payment
 * session with the manual provider, complete. Returns the placed order.
 */
export async function checkout(
  api: AxiosInstance,
  store: DemoStore,
  shopper: Shopper,
  items: { variant_id: string; quantity: number }[]
) {
  const opts = { headers: shopper.headers }
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: store.regionId, items },
    opts
  )
  const cartId = created.cart.id
  await api.post(
    `/store/carts/${cartId}`,
    {
      shipping_address: {
        first_name: "Sam",
        last_name: "Shopper",
        address_1: "1 Canal Street",
        city: "Amsterdam",
        postal_code: "1012",
        country_code: "nl",
      },
    },
    opts
  )
  const { data: options } = await api.get(
    `/store/shipping-options?cart_id=${cartId}`,
    opts
  )
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: options.shipping_options[0].id },
    opts
  )
  const { data: collection } = await api.post(
    "/store/payment-collections",
    { cart_id: cartId },
    opts
  )
  await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    opts
  )
  const { data: completed } = await api.post(
    `/store/carts/${cartId}/complete`,
    {},
    opts
  )
  if (completed.type !== "order") {
    throw new Error(
      `Cart ${cartId} did not complete: ${JSON.stringify(completed.error)}`
    )
  }
  return completed.order
}

/** Polls until `read` returns a value `done` accepts (subscribers run after the request). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 50
): Promise<T> {
  let value = await read()
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await read()
  }
  return value
}
