import { listCustomerBackorders } from "medusa-plugin-backorders/storefront"
import { AccountBackorders } from "medusa-plugin-backorders/storefront/react"
import { customerHeaders, sdk } from "../../lib/medusa"
import { logIn, logOut } from "../actions"

export default async function AccountPage({
  searchParams,
}: {
  searchParams: { error?: string }
}) {
  const headers = customerHeaders()
  const customer = headers
    ? (await sdk.store.customer.retrieve({}, headers).catch(() => null))
        ?.customer
    : null
  if (!headers || !customer) {
    return (
      <>
        <h1>Log in</h1>
        {searchParams.error ? (
          <p className="error" role="alert">
            Wrong email or password.
          </p>
        ) : null}
        <form action={logIn} className="stack" aria-label="Log in">
          <label>
            Email
            <input name="email" type="email" required autoComplete="username" />
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              required
              autoComplete="current-password"
            />
          </label>
          <button type="submit">Log in</button>
        </form>
      </>
    )
  }
  const { backorders } = await listCustomerBackorders(sdk, {}, headers)
  return (
    <>
      <h1>Hello {customer.first_name ?? customer.email}</h1>
      <AccountBackorders backorders={backorders} caption="Waiting for stock" />
      <form action={logOut}>
        <button type="submit">Log out</button>
      </form>
    </>
  )
}
