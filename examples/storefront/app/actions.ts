"use server"

import { cookies } from "next/headers"
import { redirect } from "next/navigation"
import { CART_COOKIE, currentRegion, sdk, TOKEN_COOKIE } from "../lib/medusa"

const text = (form: FormData, name: string) =>
  String(form.get(name) ?? "").trim()

/** Adds a variant to the shopper's cart (made on first use) and opens the cart. */
export async function addToCart(form: FormData) {
  let cartId = cookies().get(CART_COOKIE)?.value
  if (!cartId) {
    const region = await currentRegion()
    const { cart } = await sdk.store.cart.create({ region_id: region.id })
    cartId = cart.id
    cookies().set(CART_COOKIE, cartId, { httpOnly: true, sameSite: "lax" })
  }
  await sdk.store.cart.createLineItem(cartId, {
    variant_id: text(form, "variant_id"),
    quantity: Math.max(1, Number(text(form, "quantity")) || 1),
  })
  redirect("/cart")
}

/**
 * Checks the cart out through Medusa's own store API: contact and address, the first
 * shipping option, the manual payment provider, complete; then the order confirmation.
 */
export async function placeOrder(form: FormData) {
  const cartId = cookies().get(CART_COOKIE)?.value
  if (!cartId) {
    redirect("/cart")
  }
  const address = {
    first_name: text(form, "first_name"),
    last_name: text(form, "last_name"),
    address_1: text(form, "address_1"),
    city: text(form, "city"),
    postal_code: text(form, "postal_code"),
    country_code: text(form, "country_code"),
  }
  const { cart } = await sdk.store.cart.update(cartId, {
    email: text(form, "email"),
    shipping_address: address,
    billing_address: address,
  })
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({
    cart_id: cartId,
  })
  if (!shipping_options.length) {
    throw new Error("No shipping option reaches this address.")
  }
  await sdk.store.cart.addShippingMethod(cartId, {
    option_id: shipping_options[0].id,
  })
  await sdk.store.payment.initiatePaymentSession(cart, {
    provider_id: "pp_system_default",
  })
  const completed = await sdk.store.cart.complete(cartId)
  if (completed.type !== "order") {
    throw new Error(completed.error.message)
  }
  cookies().delete(CART_COOKIE)
  redirect(`/order/${completed.order.id}`)
}

/** Logs the customer in with Medusa's emailpass provider; the token stays in a cookie. */
export async function logIn(form: FormData) {
  let token: unknown
  try {
    token = await sdk.auth.login("customer", "emailpass", {
      email: text(form, "email"),
      password: text(form, "password"),
    })
  } catch {
    redirect("/account?error=login")
  }
  if (typeof token !== "string") {
    redirect("/account?error=login")
  }
  cookies().set(TOKEN_COOKIE, token, { httpOnly: true, sameSite: "lax" })
  redirect("/account")
}

export async function logOut() {
  cookies().delete(TOKEN_COOKIE)
  redirect("/account")
}
