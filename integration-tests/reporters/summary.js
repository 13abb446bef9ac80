const { SummaryReporter } = require("@jest/reporters")

/**
 * Jest's own summary, closed by one plain line, `Tests: N passed, N failed, N skipped`, so a
 * run of several Jest projects ends with a single count that CI and humans read alike.
 */
class SummaryWithCountReporter extends SummaryReporter {
  onRunComplete(testContexts, results) {
    super.onRunComplete(testContexts, results)
    const skipped = results.numPendingTests + results.numTodoTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stderr.write(
      `\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`
    )
  }
}

module.exports = SummaryWithCountReporter
