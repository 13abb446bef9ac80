import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { RequirePermission } from "../../components/access-denied"
import { NameIconButtons } from "../../components/accessible-names"
import { Field } from "../../components/form-drawer"
import { LocationSelect } from "../../components/location-select"
import { useCustomerSearch, useVariantSearch } from "../../components/options"
import { SearchSelect } from "../../components/search-select"
import { PaymentPolicyPicker } from "../../components/to-order-sale/payment-policy-picker"
import { SaleLinesTable } from "../../components/to-order-sale/sale-lines-table"
import { SaleSummary } from "../../components/to-order-sale/sale-summary"
import { useToOrderSaleForm } from "../../hooks/use-to-order-sale-form"

/**
 * The back-office point of sale for selling to order (SaleDock, ERPAG): a customer is
 * required, the preview warns about every shortage before confirming, and the short units
 * are recorded as backorders.
 */
const ToOrderSalePage = () => {
  const form = useToOrderSaleForm()
  const { lines, setLines, preview } = form
  return (
    <NameIconButtons>
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading>To-order sale</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Sell what is not on the shelf: what is short is ordered for this
                customer.
              </Text>
            </div>
            <Button
              size="small"
              onClick={form.confirm}
              isLoading={form.isConfirming}
              disabled={!preview}
            >
              Confirm sale
            </Button>
          </div>
          <div className="grid grid-cols-1 gap-6 px-6 py-4 md:grid-cols-2">
            <Field id="sale-customer" label="Customer (required)">
              <SearchSelect
                id="sale-customer"
                placeholder="Search customers by name or email"
                value={form.customer}
                onChange={form.setCustomer}
                useOptions={useCustomerSearch}
              />
            </Field>
            <Field id="sale-location" label="Shop location">
              <LocationSelect
                id="sale-location"
                value={form.locationId}
                onChange={form.setLocationId}
                placeholder="Where the customer is served"
              />
            </Field>
          </div>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Items</Heading>
          </div>
          {lines.length > 0 && (
            <SaleLinesTable
              lines={lines}
              onChange={setLines}
              preview={preview}
            />
          )}
          <div className="px-6 py-4">
            <SearchSelect
              id="sale-variant"
              placeholder="Add a variant: search by title or SKU"
              value={null}
              useOptions={useVariantSearch}
              onChange={(option) =>
                option &&
                !lines.some((l) => l.variant.value === option.value) &&
                setLines([...lines, { variant: option, quantity: "1" }])
              }
            />
          </div>
        </Container>

        <Container className="flex flex-col gap-y-4 px-6 py-4">
          <Heading level="h2">Payment</Heading>
          <PaymentPolicyPicker
            policy={form.policy}
            onPolicyChange={form.setPolicy}
            depositPercent={form.depositPercent}
            onDepositPercentChange={form.setDepositPercent}
            preview={preview}
          />
        </Container>

        {preview && <SaleSummary preview={preview} policy={form.policy} />}
      </div>
    </NameIconButtons>
  )
}

export const config = defineRouteConfig({
  label: "To-order sale",
  icon: ShoppingCart,
  nested: "/orders",
})

export const handle = { breadcrumb: () => "To-order sale" }

const GuardedToOrderSalePage = () => (
  <RequirePermission permission="to_order_sale:create">
    <ToOrderSalePage />
  </RequirePermission>
)

export default GuardedToOrderSalePage
