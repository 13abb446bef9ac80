import { NameIconButtons } from "../../components/accessible-names"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart, Trash } from "@medusajs/icons"
import {
  Alert,
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  RadioGroup,
  Table,
  Text,
  toast,
} from "@medusajs/ui"
import { LocationSelect } from "../../components/location-select"
import { toastOutcome } from "../../lib/toasts"
import { Field } from "../../components/form-drawer"
import { useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCustomerSearch, useVariantSearch } from "../../components/options"
import {
  SearchSelect,
  SearchSelectOption,
} from "../../components/search-select"
import {
  useCreateToOrderSale,
  usePreviewToOrderSale,
} from "../../hooks/to-order-sales"
import {
  errorMessage,
  formatMoney,
  PAYMENT_POLICY_LABEL,
} from "../../lib/format"
import type {
  PaymentPolicy,
  ToOrderSaleInput,
  ToOrderSalePreview,
} from "../../lib/types"
import { RequirePermission } from "../../components/access-denied"

type Line = { variant: SearchSelectOption; quantity: string }

const POLICIES: { value: PaymentPolicy; label: string; hint: string }[] = [
  {
    value: "pay_now",
    label: "Pay now",
    hint: "The whole order is paid today.",
  },
  {
    value: "deposit",
    label: "Deposit",
    hint: "A share today, the balance when the stock arrives.",
  },
  {
    value: "pay_on_receipt",
    label: "Pay on receipt",
    hint: "Lines in stock today, backordered lines when they arrive.",
  },
]

/**
 * The back-office point of sale for selling to order (SaleDock, ERPAG): a customer is
 * required, the preview warns about every shortage before confirming, and the short units
 * are recorded as backorders.
 */
const ToOrderSalePage = () => {
  const navigate = useNavigate()
  const [customer, setCustomer] = useState<SearchSelectOption | null>(null)
  const [locationId, setLocationId] = useState("")
  const [lines, setLines] = useState<Line[]>([])
  const [policy, setPolicy] = useState<PaymentPolicy>("pay_now")
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
          ...(policy === "deposit" && depositPercent
            ? { deposit_percent: Number(depositPercent) }
            : {}),
        }
      : null
  const inputKey = JSON.stringify(input)

  // The preview follows the form: on hand, ships now, backordered and due now.
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
        ({ order, backorders }) => {
          navigate(`/orders/${order.id}`)
        }
      )
    )
  }

  const currency = preview?.currency_code
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
              onClick={confirm}
              isLoading={createSale.isPending}
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
                value={customer}
                onChange={setCustomer}
                useOptions={useCustomerSearch}
              />
            </Field>
            <Field id="sale-location" label="Shop location">
              <LocationSelect
                id="sale-location"
                value={locationId}
                onChange={setLocationId}
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
            <div className="overflow-x-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Variant</Table.HeaderCell>
                    <Table.HeaderCell className="w-28">
                      Quantity
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      On hand
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      Ships now
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      Backordered
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      Total
                    </Table.HeaderCell>
                    <Table.HeaderCell />
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {lines.map((line, index) => {
                    const row = preview?.lines.find(
                      (l) => l.variant_id === line.variant.value
                    )
                    return (
                      <Table.Row
                        key={line.variant.value}
                        data-testid={`sale-line-${line.variant.hint}`}
                      >
                        <Table.Cell>
                          <div className="flex flex-col">
                            <span>{line.variant.label}</span>
                            <span className="text-ui-fg-muted txt-compact-small">
                              {line.variant.hint}
                            </span>
                          </div>
                        </Table.Cell>
                        <Table.Cell>
                          <Input
                            size="small"
                            type="number"
                            min={1}
                            aria-label={`Quantity of ${line.variant.hint}`}
                            value={line.quantity}
                            onChange={(e) =>
                              setLines(
                                lines.map((l, i) =>
                                  i === index
                                    ? { ...l, quantity: e.target.value }
                                    : l
                                )
                              )
                            }
                          />
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums">
                          {row?.on_hand ?? "-"}
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums">
                          {row?.ships_now ?? "-"}
                        </Table.Cell>
                        <Table.Cell
                          className={`text-right tabular-nums ${row?.backordered ? "text-ui-fg-error" : ""}`}
                          data-testid="backordered"
                        >
                          {row?.backordered ?? "-"}
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums">
                          {row ? formatMoney(row.total, currency) : "-"}
                        </Table.Cell>
                        <Table.Cell className="text-right">
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label={`Remove ${line.variant.hint}`}
                            onClick={() =>
                              setLines(lines.filter((_, i) => i !== index))
                            }
                          >
                            <Trash />
                          </IconButton>
                        </Table.Cell>
                      </Table.Row>
                    )
                  })}
                </Table.Body>
              </Table>
            </div>
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
          <RadioGroup
            value={policy}
            onValueChange={(value) => setPolicy(value as PaymentPolicy)}
            className="grid grid-cols-1 gap-3 md:grid-cols-3"
          >
            {POLICIES.map((p) => (
              <div
                key={p.value}
                className="shadow-borders-base flex items-start gap-x-3 rounded-lg p-3"
              >
                <RadioGroup.Item value={p.value} id={`policy-${p.value}`} />
                <div className="flex flex-col">
                  <Label htmlFor={`policy-${p.value}`} weight="plus">
                    {p.label}
                  </Label>
                  <Text size="small" className="text-ui-fg-subtle">
                    {p.hint}
                  </Text>
                  {preview && (
                    <Text
                      size="small"
                      className="mt-1 tabular-nums"
                      data-testid={`due-now-${p.value}`}
                    >
                      Due now: {formatMoney(preview.due_now[p.value], currency)}
                    </Text>
                  )}
                </div>
              </div>
            ))}
          </RadioGroup>
          {policy === "deposit" && (
            <div className="flex w-48 flex-col gap-y-2">
              <Label htmlFor="sale-deposit">Deposit (%)</Label>
              <Input
                id="sale-deposit"
                type="number"
                min={1}
                max={100}
                value={depositPercent}
                onChange={(e) => setDepositPercent(e.target.value)}
              />
            </div>
          )}
        </Container>

        {preview && (
          <Container
            className="flex flex-col gap-y-3 px-6 py-4"
            data-testid="sale-summary"
          >
            {preview.warnings.length > 0 && (
              <Alert variant="warning" data-testid="shortage-warning">
                <div className="flex flex-col gap-y-1">
                  <Text size="small" weight="plus">
                    Backorders found
                  </Text>
                  {preview.warnings.map((warning) => (
                    <Text key={warning} size="small">
                      {warning}
                    </Text>
                  ))}
                </div>
              </Alert>
            )}
            <div className="flex justify-between">
              <Text size="small">Order total</Text>
              <Text size="small" className="tabular-nums">
                {formatMoney(preview.total, currency)}
              </Text>
            </div>
            <div className="flex justify-between">
              <Text size="small">Of which backordered</Text>
              <Text size="small" className="tabular-nums">
                {formatMoney(preview.backordered_total, currency)}
              </Text>
            </div>
            <div className="flex justify-between">
              <Text size="small" weight="plus">
                Due now ({PAYMENT_POLICY_LABEL[policy]})
              </Text>
              <Text
                size="small"
                weight="plus"
                className="tabular-nums"
                data-testid="due-now-chosen"
              >
                {formatMoney(preview.due_now_chosen, currency)}
              </Text>
            </div>
          </Container>
        )}
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
