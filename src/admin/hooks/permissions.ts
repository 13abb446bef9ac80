import { useQuery } from "@tanstack/react-query"
import { useCallback } from "react"
import type { BackorderPolicyKey } from "../../types/policies"
import { sdk } from "../lib/sdk"

/**
 * What the signed-in user may do, the way Medusa's dashboard decides it: with the `rbac`
 * feature flag off every admin may do everything; with it on, the user's permissions come
 * from `GET /admin/rbac/me/permissions` (the same query key as the dashboard's own, so both
 * share one request).
 *
 * `can("purchase_order:complete")` is false while the permissions load, so a button the
 * user may not press never flashes up.
 */
export const usePermissions = () => {
  const flags = useQuery({
    queryKey: ["admin", "feature-flags"],
    queryFn: async () =>
      (
        await sdk.client.fetch<{ feature_flags: Record<string, boolean> }>(
          "/admin/feature-flags"
        )
      ).feature_flags,
    staleTime: 5 * 60 * 1000,
  })
  const rbacEnabled = flags.data?.rbac === true
  const permissions = useQuery({
    queryKey: ["me-permissions"],
    queryFn: () => sdk.admin.rbacRole.mePermissions(),
    staleTime: 5 * 60 * 1000,
    enabled: rbacEnabled,
  })
  const granted = permissions.data?.permissions
  const isLoading = flags.isLoading || (rbacEnabled && permissions.isLoading)

  const can = useCallback(
    (permission: BackorderPolicyKey) => {
      if (flags.isLoading) {
        return false
      }
      if (!rbacEnabled) {
        return true
      }
      return !!granted?.includes(permission)
    },
    [flags.isLoading, rbacEnabled, granted]
  )

  return { can, isLoading, rbacEnabled }
}
