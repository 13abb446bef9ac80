import { MathBN } from "@medusajs/framework/utils"
import { BigNumberInput } from "@medusajs/framework/types"

/** Rounds an amount to the currency's minor unit (2 decimals: the currencies the plugin is tested with). */
export function roundAmount(amount: BigNumberInput, decimals = 2): number {
  const factor = 10 ** decimals
  return Math.round(MathBN.convert(amount).toNumber() * factor) / factor
}

export function toNumber(value: BigNumberInput | null | undefined): number {
  if (value === null || value === undefined) {
    return 0
  }
  return MathBN.convert(value).toNumber()
}
