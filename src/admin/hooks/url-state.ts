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
