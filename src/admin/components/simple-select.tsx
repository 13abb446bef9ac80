import { Select } from "@medusajs/ui"

export type SelectOption = { value: string; label: string }

/** Medusa UI's Select over a plain list of options. */
export function SimpleSelect({
  id,
  value,
  onChange,
  placeholder,
  options,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  options: SelectOption[]
}) {
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={id}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
