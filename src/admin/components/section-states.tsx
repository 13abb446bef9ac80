import { Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A section still loading. */
export const SectionSkeleton = ({ height = "h-12" }: { height?: string }) => (
  <div className="px-6 py-4">
    <Skeleton className={`${height} w-full`} />
  </div>
)

/** A section's empty or error message. */
export const SectionMessage = ({
  children,
  tone = "muted",
}: {
  children: ReactNode
  tone?: "muted" | "error"
}) => (
  <Text
    size="small"
    className={`${tone === "error" ? "text-ui-fg-error" : "text-ui-fg-muted"} px-6 py-4`}
  >
    {children}
  </Text>
)

/** One label / value row of a detail section, as core's detail pages show them. */
export const DetailRow = ({
  label,
  children,
}: {
  label: string
  children: ReactNode
}) => (
  <div className="grid grid-cols-2 px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    {typeof children === "string" ? (
      <Text size="small">{children}</Text>
    ) : (
      children
    )}
  </div>
)
