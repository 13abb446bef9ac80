import path from "node:path"
import type { Page } from "playwright-core"

/** The phone of the layout checks (an iPhone 12 to 15 in portrait). */
export const PHONE = { width: 390, height: 844 }

/**
 * How far the page scrolls sideways, in px: the widest overflow of the document and of the
 * dashboard shell's scroll containers (the column around the page and its `main`). A table
 * that scrolls inside its own card does not count; a page wider than the screen does.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector("main")
    const scrollers = [
      document.documentElement,
      document.body,
      main?.parentElement,
      main,
    ].filter((el): el is HTMLElement => !!el)
    return Math.max(...scrollers.map((el) => el.scrollWidth - el.clientWidth))
  })
}

export type AxeViolation = {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * The serious and critical accessibility violations axe-core (injected from node_modules)
 * finds in the page's content (`main`: the plugin's page or the core page with its widgets),
 * each with the elements it found them on; with `selector`, in that element only (a widget on
 * a core page).
 */
export async function seriousAxeViolations(
  page: Page,
  selector = "main"
): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window)
  if (!loaded) {
    await page.addScriptTag({
      path: path.join(require.resolve("axe-core"), "..", "axe.min.js"),
    })
  }
  return page.evaluate(async (selector) => {
    const axe = (window as any).axe
    const results = await axe.run(selector, { resultTypes: ["violations"] })
    return results.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n: any) => n.target.join(" ")),
      }))
  }, selector)
}
