/**
 * `medusa-plugin-backorders/storefront/react`: backorder notices where a shopper looks.
 * Plain, accessible markup with `bo-` class names (style them with Tailwind or any CSS),
 * no global CSS, no hooks: they render in server components and client components alike,
 * with data from the functions of `medusa-plugin-backorders/storefront`.
 */
import {
  BACKORDER_STATUS_LABELS,
  describeSplit,
  formatPromiseDate,
} from "../format"
import { splitQuantity, waitingQuantity } from "../index"
import type { StoreBackorder, StoreBackorderAvailability } from "../types"

const cx = (...names: (string | false | undefined)[]) =>
  names.filter(Boolean).join(" ")

type Common = { className?: string; locale?: string }

/** The product page's line: "3 in stock, more ships around 12 Dec", "Backorder: ships around 12 Dec", "Out of stock". */
export function availabilityText(
  availability: StoreBackorderAvailability,
  locale?: string
): string {
  const date = availability.expected_at
    ? formatPromiseDate(availability.expected_at, locale)
    : null
  if (availability.status === "out_of_stock") {
    return "Out of stock"
  }
  if (availability.status === "backorder") {
    return date
      ? `Backorder: ships around ${date}`
      : "Backorder: ships when restocked"
  }
  if (availability.in_stock_quantity === null) {
    return "In stock"
  }
  const inStock = `${availability.in_stock_quantity} in stock`
  if (!availability.can_backorder) {
    return inStock
  }
  return date ? `${inStock}, more ships around ${date}` : inStock
}

export function ProductAvailability({
  availability,
  className,
  locale,
}: Common & { availability: StoreBackorderAvailability }) {
  return (
    <p
      className={cx(
        "bo-availability",
        `bo-availability--${availability.status}`,
        className
      )}
      data-status={availability.status}
    >
      {availabilityText(availability, locale)}
    </p>
  )
}

/**
 * A cart or checkout line: how many of `quantity` ship now and how many later, with the
 * date. Renders nothing when everything ships now.
 */
export function CartLineAvailability({
  availability,
  quantity,
  className,
  locale,
}: Common & { availability: StoreBackorderAvailability; quantity: number }) {
  const { ships_now, later } = splitQuantity(availability, quantity)
  if (!later.length) {
    return null
  }
  return (
    <p
      className={cx("bo-line-availability", className)}
      data-ships-now={ships_now}
    >
      {describeSplit(ships_now, later, locale)}
    </p>
  )
}

type OrderItem = { id: string; title?: string | null; quantity: number }

/**
 * The order confirmation's "ships later" list: per backordered line, "1 ships now, 2 ship
 * around 12 Dec". Renders nothing for an order without backorders.
 */
export function OrderBackorders({
  items,
  backorders,
  className,
  locale,
  heading = "Some items ship later",
}: Common & {
  items: OrderItem[]
  backorders: StoreBackorder[]
  heading?: string
}) {
  const open = backorders.filter((b) => b.status !== "cancelled")
  if (!open.length) {
    return null
  }
  return (
    <section
      className={cx("bo-order-backorders", className)}
      aria-labelledby="bo-order-backorders-heading"
    >
      <h2
        id="bo-order-backorders-heading"
        className="bo-order-backorders__heading"
      >
        {heading}
      </h2>
      <ul className="bo-order-backorders__list">
        {open.map((backorder) => {
          const item = items.find((i) => i.id === backorder.line_item_id)
          const ordered = item?.quantity ?? backorder.quantity
          const waiting = waitingQuantity(backorder)
          const ready =
            backorder.quantity - backorder.cancelled_quantity - waiting
          const text =
            waiting > 0
              ? describeSplit(
                  ordered - backorder.quantity + ready,
                  [{ quantity: waiting, expected_at: backorder.expected_at }],
                  locale
                )
              : `${BACKORDER_STATUS_LABELS[backorder.status]}`
          return (
            <li
              key={backorder.id}
              className="bo-order-backorders__item"
              data-backorder-id={backorder.id}
              data-status={backorder.status}
            >
              <span className="bo-order-backorders__title">
                {item?.title ?? backorder.title ?? backorder.sku}
              </span>{" "}
              <span className="bo-order-backorders__split">{text}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * The account page's table of what is still waiting, when it should come and its status;
 * `emptyText` when nothing is backordered.
 */
export function AccountBackorders({
  backorders,
  className,
  locale,
  caption = "Backordered items",
  emptyText = "Nothing on backorder.",
}: Common & {
  backorders: StoreBackorder[]
  caption?: string
  emptyText?: string
}) {
  if (!backorders.length) {
    return (
      <p className={cx("bo-account-backorders--empty", className)}>
        {emptyText}
      </p>
    )
  }
  return (
    <table className={cx("bo-account-backorders", className)}>
      <caption className="bo-account-backorders__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Waiting</th>
          <th scope="col">Expected</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {backorders.map((backorder) => {
          const waiting = waitingQuantity(backorder)
          return (
            <tr
              key={backorder.id}
              className="bo-account-backorders__row"
              data-backorder-id={backorder.id}
              data-status={backorder.status}
            >
              <th scope="row">
                {backorder.title ?? backorder.sku}
                {backorder.title && backorder.sku ? (
                  <small className="bo-account-backorders__sku">
                    {" "}
                    ({backorder.sku})
                  </small>
                ) : null}
              </th>
              <td data-column="waiting">{waiting}</td>
              <td data-column="expected">
                {waiting > 0 && backorder.expected_at ? (
                  <time dateTime={backorder.expected_at}>
                    {formatPromiseDate(backorder.expected_at, locale)}
                  </time>
                ) : waiting > 0 ? (
                  "Not known yet"
                ) : (
                  "—"
                )}
              </td>
              <td data-column="status">
                {BACKORDER_STATUS_LABELS[backorder.status]}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
