import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminToOrderSalePreviewResponse,
  AdminToOrderSaleResponse,
} from "../../types/http/to-order-sales"
import type { ToOrderSaleInput } from "../lib/types"
import { useInvalidateBackorders } from "./backorders"

export const usePreviewToOrderSale = () =>
  useMutation({
    mutationFn: (body: ToOrderSaleInput) =>
      sdk.client.fetch<AdminToOrderSalePreviewResponse>(
        "/admin/to-order-sales/preview",
        { method: "POST", body }
      ),
  })

export const useCreateToOrderSale = () => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: ToOrderSaleInput) =>
      sdk.client.fetch<AdminToOrderSaleResponse>("/admin/to-order-sales", {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  })
}
