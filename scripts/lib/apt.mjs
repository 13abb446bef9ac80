import { spawnSync } from "node:child_process"

/**
 * Installs one of Debian's packages for the tests when `find()` finds no binary (apt-get, as
 * root or through sudo), then checks it is there. `envVar` names the variable that points at
 * a binary installed elsewhere. Exits the process on failure.
 */
export function installDebianPackage({
  name,
  label,
  find,
  envVar,
  expectedAt,
}) {
  const found = find()
  if (found) {
    console.log(`${label} found at ${found}.`)
    return
  }
  const prefix = process.getuid?.() === 0 ? [] : ["sudo", "-n"]
  const aptGet = (...args) => {
    const [command, ...rest] = [...prefix, "apt-get", ...args]
    const result = spawnSync(command, rest, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    })
    if (result.status !== 0) {
      console.error(
        `apt-get ${args.join(" ")} failed: install Debian's ${name} package, or set ${envVar}.`
      )
      process.exit(result.status || 1)
    }
  }
  console.log(`Installing Debian's ${name} package ...`)
  aptGet("update", "-qq")
  aptGet("install", "-y", "-qq", "--no-install-recommends", name)
  const installed = find()
  if (!installed) {
    console.error(
      `${name} was installed but is not at ${expectedAt}; set ${envVar}.`
    )
    process.exit(1)
  }
  console.log(`${label} installed at ${installed}.`)
}
