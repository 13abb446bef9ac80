import { toast } from "@medusajs/ui"
import { errorMessage } from "./format"

/**
 * The callbacks of a mutation run from a form: a success toast (and whatever comes next, such
 * as closing the drawer), or the API's error message as an error toast.
 */
export function toastOutcome<T>(
  success: string | ((result: T) => string),
  then?: (result: T) => void
) {
  return {
    onSuccess: (result: T) => {
      toast.success(typeof success === "function" ? success(result) : success)
      then?.(result)
    },
    onError: (error: unknown) => toast.error(errorMessage(error)),
  }
}
