// Finds the Chromium the browser tests drive: CHROMIUM_PATH, or Debian's `chromium` package.
// Never a downloaded browser.
import fs from "node:fs"

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

export function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    return fs.existsSync(process.env.CHROMIUM_PATH)
      ? process.env.CHROMIUM_PATH
      : null
  }
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null
}
