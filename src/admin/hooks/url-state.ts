import { useCallback } from "react"
import { useSearchParams } from "react-router-dom"

/**
 * Table state kept in the URL (`?status=new&q=kettle&offset=20`), so a list can be shared,
 * bookmarked and restored with the back button. Values are plain strings; lists are comma
 * separated. Nothing here is parsed as JSON.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams()

  const get = useCallback(
    (key: string) => params.get(key) ?? undefined,
    [params]
  )
  const getList = useCallback(
    (key: string) => {
      const value = params.get(key)
      return value ? value.split(",").filter(Boolean) : []
    },
    [params]
  )
  const set = useCallback(
    (
      changes: Record<string, string | string[] | number | undefined | null>,
      { resetPage = true } = {}
    ) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [key, value] of Object.entries(changes)) {
            const text = Array.isArray(value) ? value.join(",") : value
            if (text === undefined || text === null || text === "") {
              next.delete(key)
            } else {
              next.set(key, String(text))
            }
          }
          if (resetPage && !("offset" in changes)) {
            next.delete("offset")
          }
          return next
        },
        { replace: true }
      )
    },
    [setParams]
  )
  return { params, get, getList, set }
}

/** A non-negative integer from the URL, or the fallback for anything else. */
export function parseOffset(value: string | undefined) {
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? n : 0
}

/**
 * The paging, sorting and search of a DataTable kept in the URL (`offset`, `order`, `q`):
 * spread `pagination` and `sorting` (and `search` where the table has a search box) into
 * `useDataTable`, and send `offset`, `order` and `q` to the API.
 */
export function useUrlTable({
  pageSize,
  defaultOrder,
}: {
  pageSize: number
  defaultOrder: string
}) {
  const url = useUrlState()
  const offset = parseOffset(url.get("offset"))
  const order = url.get("order") ?? defaultOrder
  const q = url.get("q")
  return {
    url,
    offset,
    order,
    q,
    pagination: {
      state: { pageIndex: Math.floor(offset / pageSize), pageSize },
      onPaginationChange: (state: { pageIndex: number; pageSize: number }) =>
        url.set({ offset: state.pageIndex * state.pageSize || undefined }),
    },
    sorting: {
      state: { id: order.replace(/^-/, ""), desc: order.startsWith("-") },
      onSortingChange: (state: { id: string; desc: boolean }) =>
        url.set({ order: `${state.desc ? "-" : ""}${state.id}` }),
    },
    search: {
      state: q ?? "",
      onSearchChange: (value: string) => url.set({ q: value }),
      debounce: 300,
    },
  }
}
