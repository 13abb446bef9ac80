import { useStockLocationOptions } from "../hooks/lookups"
import { SimpleSelect } from "./simple-select"

/** Picks one of Medusa's stock locations. */
export function LocationSelect({
  id,
  value,
  onChange,
  placeholder,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
}) {
  const { data } = useStockLocationOptions()
  return (
    <SimpleSelect
      id={id}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      options={(data?.stock_locations ?? []).map((l) => ({
        value: l.id,
        label: l.name,
      }))}
    />
  )
}
