import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  Backorder,
  ToOrderSaleInput,
  ToOrderSalePreview,
} from "../lib/types"
import { useInvalidateBackorders } from "./backorders"

export const usePreviewToOrderSale = () =>
  useMutation({
    mutationFn: (body: ToOrderSaleInput) =>
      sdk.client.fetch<{ preview: ToOrderSalePreview }>(
        "/admin/to-order-sales/preview",
        { method: "POST", body }
      ),
  })

export const useCreateToOrderSale = () => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: ToOrderSaleInput) =>
      sdk.client.fetch<{
        order: { id: string; display_id: number }
        backorders: Backorder[]
      }>("/admin/to-order-sales", { method: "POST", body }),
    onSuccess: invalidate,
  })
}
