import { toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { PaymentPolicy } from "../../types/enums"
import type { SearchSelectOption } from "../components/search-select"
import { errorMessage } from "../lib/format"
import { toastOutcome } from "../lib/toasts"
import type { ToOrderSaleInput, ToOrderSalePreview } from "../lib/types"
import { useCreateToOrderSale, usePreviewToOrderSale } from "./to-order-sales"

export type SaleLine = { variant: SearchSelectOption; quantity: string }

/**
 * The state of a to-order sale being put together: customer, location, lines, payment
 * policy; the preview that follows the form (on hand, ships now, backordered, due now);
 * and `confirm`, which makes the sale and opens its order.
 */
export function useToOrderSaleForm() {
  const navigate = useNavigate()
  const [customer, setCustomer] = useState<SearchSelectOption | null>(null)
  const [locationId, setLocationId] = useState("")
  const [lines, setLines] = useState<SaleLine[]>([])
  const [policy, setPolicy] = useState<PaymentPolicy>(PaymentPolicy.PAY_NOW)
  const [depositPercent, setDepositPercent] = useState("30")
  const [preview, setPreview] = useState<ToOrderSalePreview | null>(null)
  const previewSale = usePreviewToOrderSale()
  const createSale = useCreateToOrderSale()

  const input: ToOrderSaleInput | null =
    customer &&
    locationId &&
    lines.length &&
    lines.every((l) => Number(l.quantity) >= 1)
      ? {
          customer_id: customer.value,
          location_id: locationId,
          lines: lines.map((l) => ({
            variant_id: l.variant.value,
            quantity: Number(l.quantity),
          })),
          payment_policy: policy,
          ...(policy === PaymentPolicy.DEPOSIT && depositPercent
            ? { deposit_percent: Number(depositPercent) }
            : {}),
        }
      : null
  const inputKey = JSON.stringify(input)

  // The preview follows the form.
  useEffect(() => {
    if (!input) {
      setPreview(null)
      return
    }
    const timer = setTimeout(
      () =>
        previewSale.mutate(input, {
          onSuccess: ({ preview }) => setPreview(preview),
          onError: (error) => {
            setPreview(null)
            toast.error(errorMessage(error))
          },
        }),
      250
    )
    return () => clearTimeout(timer)
  }, [inputKey])

  const confirm = () => {
    if (!customer) {
      toast.error(
        "A to-order sale needs a customer: the backorder is promised to someone"
      )
      return
    }
    if (!input) {
      toast.error("Choose a location and add at least one variant")
      return
    }
    createSale.mutate(
      input,
      toastOutcome(
        ({ order, backorders }) =>
          `Order #${order.display_id} created${backorders.length ? `, ${backorders.length} backordered line${backorders.length === 1 ? "" : "s"}` : ""}`,
        ({ order }) => {
          navigate(`/orders/${order.id}`)
        }
      )
    )
  }

  return {
    customer,
    setCustomer,
    locationId,
    setLocationId,
    lines,
    setLines,
    policy,
    setPolicy,
    depositPercent,
    setDepositPercent,
    preview,
    confirm,
    isConfirming: createSale.isPending,
  }
}
