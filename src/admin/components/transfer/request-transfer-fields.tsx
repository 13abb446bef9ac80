import { Text } from "@medusajs/ui"
import { useState } from "react"
import { toastOutcome } from "../../lib/toasts"
import {
  useRequestTransfer,
  useTransfers,
  useTransferSources,
} from "../../hooks/transfers"
import { Field } from "../form-drawer"
import { SimpleSelect } from "../simple-select"

const NEW_TRANSFER = "__new__"

/**
 * The transfer option of the Request stock drawer: the own locations with free stock for the
 * selected backorders (stocked minus reserved), a new draft transfer or an open draft from
 * the same location. Returns the fields to show and what submitting does.
 */
export function useRequestTransferForm(
  backorderIds: string[],
  enabled: boolean
) {
  const [source, setSource] = useState("")
  const [draftId, setDraftId] = useState(NEW_TRANSFER)
  const { data: sources, isLoading } = useTransferSources(backorderIds, enabled)
  const { data: drafts } = useTransfers(
    {
      status: "draft",
      limit: 50,
      ...(source ? { source_location_id: source } : {}),
      ...(sources
        ? { destination_location_id: sources.destination_location_id }
        : {}),
    },
    { enabled: enabled && !!source && !!sources }
  )
  const requestTransfer = useRequestTransfer()

  const submit = (onDone: () => void) => {
    if (!source) {
      return false
    }
    requestTransfer.mutate(
      {
        backorder_ids: backorderIds,
        source_location_id: source,
        ...(draftId !== NEW_TRANSFER ? { transfer_id: draftId } : {}),
      },
      toastOutcome(
        ({ transfer }) => `Transfer ${transfer.number} requested`,
        onDone
      )
    )
    return true
  }

  const fields = (
    <>
      <Field id="request-stock-source" label="From location">
        <SimpleSelect
          id="request-stock-source"
          value={source}
          onChange={(value) => {
            setSource(value)
            setDraftId(NEW_TRANSFER)
          }}
          placeholder="Choose a location"
          options={(sources?.sources ?? []).map((s) => ({
            value: s.id,
            label: `${s.name} · ${s.items
              .map((i) => `${i.free} free of ${i.needed} ${i.sku ?? ""}`.trim())
              .join(", ")}${s.covers_all ? "" : " (not enough)"}`,
          }))}
        />
        {!isLoading && sources && !sources.sources.length && (
          <Text size="small" className="text-ui-fg-muted">
            No other location has these items free.
          </Text>
        )}
      </Field>
      {source && (
        <Field id="request-stock-transfer" label="Transfer">
          <SimpleSelect
            id="request-stock-transfer"
            value={draftId}
            onChange={setDraftId}
            options={[
              { value: NEW_TRANSFER, label: "New transfer" },
              ...(drafts?.transfers ?? []).map((t) => ({
                value: t.id,
                label: `Add to ${t.number}`,
              })),
            ]}
          />
        </Field>
      )}
    </>
  )
  return { fields, submit, isPending: requestTransfer.isPending }
}
