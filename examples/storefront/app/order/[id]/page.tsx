import { notFound } from "next/navigation"
import { listOrderBackorders } from "medusa-plugin-backorders/storefront"
import { OrderBackorders } from "medusa-plugin-backorders/storefront/react"
import { formatMoney, sdk } from "../../../lib/medusa"

export default async function OrderConfirmationPage({
  params,
}: {
  params: { id: string }
}) {
  const found = await sdk.store.order.retrieve(params.id).catch(() => null)
  if (!found) {
    notFound()
  }
  const { order } = found
  // Readable by a guest too: the order's id is what the confirmation link carries.
  const backorders = await listOrderBackorders(sdk, order.id)
  const items = order.items ?? []
  return (
    <>
      <h1>Thank you for your order</h1>
      <p>
        Order #{order.display_id}, confirmation sent to {order.email}.
      </p>
      <OrderBackorders
        items={items.map((i) => ({
          id: i.id,
          title: `${i.product_title} ${i.variant_title}`,
          quantity: i.quantity,
        }))}
        backorders={backorders}
      />
      <table>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.product_title} {item.variant_title}
              </td>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.total ?? 0, order.currency_code)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Total: {formatMoney(order.total ?? 0, order.currency_code)}</p>
    </>
  )
}
