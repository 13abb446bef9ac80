import { ExclamationCircle } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { usePermissions } from "../hooks/permissions"
import type { BackorderPolicyKey } from "../../types/policies"

/**
 * Medusa's access-denied state, as its dashboard shows it for a core page the user may not
 * read (the dashboard applies its route guard to core routes only, so the plugin's pages
 * render the same state themselves).
 */
export const AccessDenied = ({ permission }: { permission: string }) => (
  <div
    className="flex min-h-[60vh] items-center justify-center p-4"
    data-testid="access-denied"
  >
    <Container className="max-w-md">
      <div className="flex flex-col items-center gap-y-4 py-8 text-center">
        <div className="bg-ui-bg-subtle flex h-12 w-12 items-center justify-center rounded-full">
          <ExclamationCircle className="text-ui-fg-muted" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Access Denied</Heading>
          <Text className="text-ui-fg-subtle">
            You don't have permission to access this page.
          </Text>
        </div>
        <Text size="small" className="text-ui-fg-muted">
          Required permission: {permission}
        </Text>
      </div>
    </Container>
  </div>
)

/** Renders a page only for users who hold `permission` (everyone, with RBAC off). */
export const RequirePermission = ({
  permission,
  children,
}: {
  permission: BackorderPolicyKey
  children: ReactNode
}) => {
  const { can, isLoading } = usePermissions()
  if (isLoading) {
    return (
      <Container className="flex flex-col gap-y-3">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-24 w-full" />
      </Container>
    )
  }
  if (!can(permission)) {
    return <AccessDenied permission={permission} />
  }
  return <>{children}</>
}
