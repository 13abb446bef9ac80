import { ReactNode, useEffect, useRef } from "react"

/**
 * Medusa UI's DataTable draws its filter, sort and row action buttons as icons without an
 * accessible name, and takes no prop for one. This names them: every button inside
 * `children` that has no text and no `aria-label` gets `label` (for a row's action button,
 * "Actions for <the row's first cell>"), also when the table re-renders. The magnifying glass
 * Medusa UI's search inputs draw as an unnamed image is marked decorative.
 */
export function NameIconButtons({
  label,
  children,
}: {
  /** The name of the toolbar buttons inside; row action buttons are named by their row. */
  label?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const root = ref.current
    if (!root) {
      return
    }
    const name = () => {
      for (const icon of root.querySelectorAll(
        '[role="img"]:not([aria-label]):not([aria-hidden])'
      )) {
        if (icon.parentElement?.querySelector('input[type="search"]')) {
          icon.setAttribute("aria-hidden", "true")
        }
      }
      for (const button of root.querySelectorAll("button")) {
        if (button.getAttribute("aria-label") || button.textContent?.trim()) {
          continue
        }
        const row = button.closest("tr")
        const rowName = row
          ?.querySelector("td:not(:has(input, button))")
          ?.textContent?.trim()
        const name = row ? `Actions${rowName ? ` for ${rowName}` : ""}` : label
        if (name) {
          button.setAttribute("aria-label", name)
        }
      }
    }
    name()
    const observer = new MutationObserver(name)
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [label])
  return (
    <span ref={ref} className="contents">
      {children}
    </span>
  )
}
