import { MagnifyingGlass, XMarkMini } from "@medusajs/icons"
import { IconButton, Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"

export type SearchSelectOption = { value: string; label: string; hint?: string }

/**
 * A search box with its matches listed under it, for picking one record out of many
 * (a customer, a variant). `useOptions` runs the search; the chosen option shows as a chip.
 */
export function SearchSelect({
  id,
  placeholder,
  value,
  onChange,
  useOptions,
  errorId,
}: {
  id: string
  placeholder: string
  /** The id of the field's error message, when it has one: marks the box invalid. */
  errorId?: string
  value: SearchSelectOption | null
  onChange: (option: SearchSelectOption | null) => void
  useOptions: (q: string) => {
    options: SearchSelectOption[]
    isLoading: boolean
  }
}) {
  const [q, setQ] = useState("")
  const { options, isLoading } = useOptions(q)

  if (value) {
    return (
      <div
        className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between rounded-md px-3 py-2"
        data-testid={`${id}-selected`}
      >
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {value.label}
          </Text>
          {value.hint && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {value.hint}
            </Text>
          )}
        </div>
        <IconButton
          size="small"
          variant="transparent"
          type="button"
          aria-label="Clear"
          onClick={() => onChange(null)}
        >
          <XMarkMini />
        </IconButton>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-1">
      <div className="relative">
        <Input
          id={id}
          type="search"
          placeholder={placeholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
        />
        <MagnifyingGlass className="text-ui-fg-muted pointer-events-none absolute right-2 top-2" />
      </div>
      {q.trim() !== "" && (
        <div
          className="shadow-borders-base max-h-48 overflow-y-auto rounded-md"
          role="listbox"
          aria-label={placeholder}
        >
          {isLoading && !options.length ? (
            <Text size="small" className="text-ui-fg-muted px-3 py-2">
              Searching...
            </Text>
          ) : !options.length ? (
            <Text size="small" className="text-ui-fg-muted px-3 py-2">
              No matches
            </Text>
          ) : (
            options.map((option) => (
              <button
                key={option.value}
                type="button"
                role="option"
                aria-selected={false}
                className={clx(
                  "hover:bg-ui-bg-base-hover flex w-full flex-col px-3 py-2 text-left"
                )}
                onClick={() => {
                  onChange(option)
                  setQ("")
                }}
              >
                <Text size="small" weight="plus">
                  {option.label}
                </Text>
                {option.hint && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {option.hint}
                  </Text>
                )}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  )
}
