import Foundation
import Testing
import TestSupport
import TextPipe

@Suite("run report")
struct RunReportTests {
    /// Runs Tests/Fixtures/report/report-sample.yaml, where documents complete, are
    /// dropped, fail and are skipped, so every section of the report has content.
    static func makeReport(in dir: String) throws -> String {
        let report = dir + "/report.html"
        let run = try TextPipeProcess.run(["run", "Tests/Fixtures/report/report-sample.yaml", "--output", dir + "/out",
                                           "--report", report, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        return report
    }

    @Test("--report writes one self-contained page with the pipeline, stages, lengths, tags and outcomes")
    func selfContained() throws {
        let dir = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = try String(contentsOfFile: try Self.makeReport(in: dir), encoding: .utf8)
        for section in ["documents", "stages", "lengths", "tags", "failures", "pipeline", "outputs"] {
            #expect(html.contains("<section id=\"\(section)\">"), "section \(section)")
        }
        // Nothing is fetched from anywhere: no external scripts, styles, fonts or images.
        // (The only http:// is the SVG namespace, which is a name, not a download.)
        for external in ["src=", "<link", "@import", "url(", "https://"] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://") == false)
        #expect(html.components(separatedBy: "<svg class=\"chart").count - 1 >= 8)
        #expect(html.contains("<svg class=\"chart histogram\"") && html.contains("<svg class=\"chart stacked\""))
        #expect(html.contains("Most frequent ORG tags") && html.contains("Northwind Analytics Ltd."))
        #expect(html.contains(">skipped</td><td>input</td><td>over the size limit (input.max_file_size)</td>"))
        #expect(html.contains("<td>regex-tag#2</td><td>rules[1] (RUN, pattern"), "the failed documents and their errors")
        #expect(html.contains(">dropped</td><td>filter</td><td>shorter than 900 characters</td>"))
    }

    @Test("the report opens in headless Chromium without script errors and shows its charts",
          .enabled(if: ExternalProgram.chromium != nil, "chromium is not installed (.ci/install-deps installs Debian's 'chromium'), so the browser check is skipped"))
    func opensInChromium() throws {
        let dir = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try Self.makeReport(in: dir)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir)/profile",
                      "--enable-logging=stderr", "--v=0"]
        let dom = try ExternalProgram.run(ExternalProgram.chromium!, common + ["--dump-dom", "file://" + report])
        #expect(dom.status == 0, "\(dom.stderr)")
        let body = dom.stdout.range(of: "<body[^>]*>", options: .regularExpression).map { String(dom.stdout[$0]) } ?? ""
        // The page's script marks the body when it ran to its end, and records any error.
        #expect(body.contains("data-report-ready=\"yes\""), "\(body)")
        #expect(!body.contains("data-script-error"), "\(body)")
        #expect(body.contains("data-charts=\""))
        let consoleErrors = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
        // The rendered DOM still holds every chart with its bars.
        #expect(dom.stdout.components(separatedBy: "<rect class=\"bar\"").count > 40)

        let shot = dir + "/report.png"
        let screenshot = try ExternalProgram.run(ExternalProgram.chromium!, common + ["--hide-scrollbars", "--window-size=900,1400",
                                                                                      "--screenshot=\(shot)", "file://" + report])
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 20_000, "a blank page compresses to a few kB; this one has \(png.count) bytes")
    }
}
