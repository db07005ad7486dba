import Foundation

/// The run report (`textpipe run --report FILE.html`): one self-contained HTML file with
/// the pipeline, where the documents went, per-stage time and throughput, length
/// distributions, the most frequent tags per label and the failed documents. Charts are
/// inline SVG; the only script sorts tables, and nothing is loaded from elsewhere.
public enum RunReport {
    /// Tags shown per label.
    static let tagsShown = 10

    /// Writes the report atomically.
    public static func write(to path: String, pipeline: Pipeline, statistics: RunStatistics, generated: Date = Date()) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(html(pipeline: pipeline, statistics: statistics, generated: generated))
        try writer.commit()
    }

    public static func html(pipeline: Pipeline, statistics stats: RunStatistics, generated: Date = Date()) -> String {
        var page = Page()
        page.header(pipeline, stats, generated: generated)
        page.documents(stats)
        page.stages(stats)
        page.lengths(stats.profile)
        page.tags(stats.profile)
        page.failures(stats)
        page.pipelineFile(pipeline)
        page.outputs(stats)
        return page.finished(title: "\(stats.pipeline) — TextPipe run report")
    }
}

/// The report's HTML, section by section.
private struct Page {
    var body = ""

    mutating func section(_ id: String, _ title: String, _ content: String) {
        body += "<section id=\"\(id)\"><h2>\(title.htmlEscaped)</h2>\n\(content)</section>\n"
    }

    mutating func header(_ pipeline: Pipeline, _ stats: RunStatistics, generated: Date) {
        let rate = stats.seconds > 0 ? Double(stats.documentsRead) / stats.seconds : 0
        let date = ISO8601DateFormatter.string(from: generated, timeZone: .current, formatOptions: [.withInternetDateTime])
        body += "<header><h1>\(stats.pipeline.htmlEscaped)</h1>"
        body += "<p class=\"status \(stats.status.rawValue)\"><strong>\(stats.status.rawValue)</strong> in \(Self.seconds(stats.seconds)) "
            + "with \(stats.jobs) job(s): \(SVGChart.grouped(stats.inputItems)) input item(s), \(ByteSize.describe(stats.inputBytes)), "
            + "\(SVGChart.grouped(Int(rate.rounded()))) documents/s</p>"
        if let failure = stats.failure { body += "<p class=\"error\">\(failure.htmlEscaped)</p>" }
        body += "<p class=\"muted\">\(pipeline.file.htmlEscaped) · generated \(date.htmlEscaped) by textpipe \(TextPipeVersion.string)</p></header>\n"
    }

    mutating func documents(_ stats: RunStatistics) {
        let parts = [
            ("completed", stats.completed, SVGChart.Palette.completed), ("dropped", stats.dropped, SVGChart.Palette.dropped),
            ("failed", stats.failed, SVGChart.Palette.failed), ("skipped", stats.skipped, SVGChart.Palette.skipped),
        ]
        var html = SVGChart.stackedBar(parts.map { (label: $0.0, count: $0.1, color: $0.2) }, title: "Where the input items went")
        html += "<ul class=\"legend\">"
        for (label, count, color) in parts {
            html += "<li><span class=\"swatch\" style=\"background:\(color)\"></span>\(label) <strong>\(SVGChart.grouped(count))</strong></li>"
        }
        html += "</ul>"
        if stats.repairedDocuments > 0 {
            html += "<p class=\"muted\">\(SVGChart.grouped(stats.repairedDocuments)) document(s) had their encoding repaired.</p>"
        }
        var reasons: [[String]] = []
        for stage in stats.stages {
            for (reason, n) in stage.dropReasons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                reasons.append(["dropped", stage.label, reason, SVGChart.grouped(n)])
            }
        }
        for (reason, n) in stats.skipReasons.sorted(by: { $0.key < $1.key }) {
            reasons.append(["skipped", "input", reason, SVGChart.grouped(n)])
        }
        if !reasons.isEmpty {
            html += Self.table(["status", "stage", "reason", "documents"], reasons, numeric: [3])
        }
        section("documents", "Documents", html)
    }

    mutating func stages(_ stats: RunStatistics) {
        let bars = stats.stages.map { s -> SVGChart.Bar in
            let mbps = s.seconds > 0 ? Double(s.bytesIn) / 1e6 / s.seconds : 0
            let dps = s.seconds > 0 ? Double(s.documentsIn) / s.seconds : 0
            return SVGChart.Bar(label: s.label, value: s.seconds,
                                valueText: "\(Self.seconds(s.seconds)) · \(Self.rate(mbps)) MB/s",
                                tooltip: "\(s.label): \(Self.seconds(s.seconds)), \(Self.rate(mbps)) MB/s, \(SVGChart.grouped(Int(dps.rounded()))) documents/s")
        }
        var html = "<p class=\"muted\">Time summed over all workers; throughput is the text that entered the stage divided by that time (per worker).</p>"
        html += SVGChart.horizontalBars(bars, title: "Time per stage")
        let rows = stats.stages.map { s -> [String] in
            let mbps = s.seconds > 0 ? Double(s.bytesIn) / 1e6 / s.seconds : 0
            let dps = s.seconds > 0 ? Double(s.documentsIn) / s.seconds : 0
            return [s.label, s.kind.rawValue, SVGChart.grouped(s.documentsIn), SVGChart.grouped(s.documentsOut),
                    SVGChart.grouped(s.dropped), SVGChart.grouped(s.failed), Self.seconds(s.seconds),
                    Self.rate(mbps), SVGChart.grouped(Int(dps.rounded()))]
        }
        html += Self.table(["stage", "kind", "in", "out", "dropped", "failed", "time", "MB/s", "documents/s"], rows,
                           numeric: [2, 3, 4, 5, 6, 7, 8])
        section("stages", "Stages", html)
    }

    mutating func lengths(_ profile: RunProfile?) {
        guard let profile else { return }
        var html = ""
        let docs = profile.documentLengths
        if docs.total > 0 {
            html += "<h3>Document length</h3><p class=\"muted\">\(SVGChart.grouped(docs.total)) completed document(s): "
                + "\(SVGChart.grouped(docs.minimum)) to \(SVGChart.grouped(docs.maximum)) characters, mean \(SVGChart.grouped(Int(docs.mean.rounded()))).</p>"
            html += SVGChart.histogram(docs, title: "Document length in characters", axisTitle: "characters (code points)") { lower, upper in
                guard let upper else { return "≥ " + Self.short(lower) }
                return lower == upper ? Self.short(lower) : Self.short(lower) + "–" + Self.short(upper)
            }
        } else {
            html += "<p>No document went through every stage.</p>"
        }
        let sentences = profile.sentenceLengths
        if sentences.total > 0 {
            html += "<h3>Sentence length</h3><p class=\"muted\">\(SVGChart.grouped(sentences.total)) sentence(s): "
                + "\(sentences.minimum) to \(sentences.maximum) words, mean \(String(format: "%.1f", sentences.mean)).</p>"
            html += SVGChart.histogram(sentences, title: "Sentence length in words", axisTitle: "words") { lower, upper in
                guard let upper else { return "≥ \(lower)" }
                return "\(lower)–\(upper)"
            }
        } else {
            html += "<p class=\"muted\">No sentences: add <code>segment</code> with <code>units: [sentences]</code> to see their lengths.</p>"
        }
        section("lengths", "Lengths", html)
    }

    mutating func tags(_ profile: RunProfile?) {
        guard let profile else { return }
        var html = ""
        if profile.tags.isEmpty {
            html += "<p class=\"muted\">No labelled spans: a stage such as <code>regex-tag</code> makes them.</p>"
        } else {
            html += "<p class=\"muted\">Every labelled span of a completed document is a tag. "
                + "Counts marked ≈ are upper bounds: past \(RunProfile.tagsTrackedPerLabel) distinct texts a label's rarest ones are counted together.</p>"
        }
        for (label, items) in profile.tags {
            let top = items.top(RunReport.tagsShown)
            html += "<h3>\(label.htmlEscaped) <span class=\"muted\">\(SVGChart.grouped(items.total)) mention(s)</span></h3>"
            html += SVGChart.horizontalBars(top.map { item in
                let approx = item.overcount > 0 ? "≈" : ""
                return SVGChart.Bar(label: item.text, value: Double(item.count), valueText: approx + SVGChart.grouped(item.count),
                                    tooltip: "\(item.text): \(approx)\(SVGChart.grouped(item.count))"
                                        + (item.overcount > 0 ? " (at most \(SVGChart.grouped(item.overcount)) of them other texts)" : ""))
            }, title: "Most frequent \(label) tags")
        }
        if profile.tagsOfOtherLabels > 0 {
            html += "<p class=\"muted\">\(SVGChart.grouped(profile.tagsOfOtherLabels)) more tag(s) have labels beyond the first \(RunProfile.maxLabels).</p>"
        }
        section("tags", "Most frequent tags", html)
    }

    mutating func failures(_ stats: RunStatistics) {
        guard let profile = stats.profile else { return }
        var html: String
        if profile.failureCount == 0 {
            html = "<p>No document failed.</p>"
        } else {
            html = profile.failureCount > profile.failures.count
                ? "<p class=\"muted\">The first \(profile.failures.count) of \(SVGChart.grouped(profile.failureCount)) failed documents.</p>" : ""
            html += Self.table(["document", "stage", "error"], profile.failures.map { [$0.id, $0.stage, $0.message] }, numeric: [])
        }
        section("failures", "Failed documents", html)
    }

    mutating func pipelineFile(_ pipeline: Pipeline) {
        var html = "<dl><dt>file</dt><dd>\(pipeline.file.htmlEscaped)</dd><dt>input</dt><dd>\(pipeline.input.path.htmlEscaped) "
            + "(include \(pipeline.input.include.joined(separator: ", ").htmlEscaped))</dd>"
            + "<dt>output</dt><dd>\(pipeline.outputDirectory.htmlEscaped)</dd><dt>on_error</dt><dd>\(pipeline.onError.rawValue)</dd></dl><ol class=\"stages\">"
        for stage in pipeline.stages {
            html += "<li><details><summary><code>\(stage.label.htmlEscaped)</code> — \(stage.descriptor.summary.htmlEscaped)</summary>"
                + "<pre>\(JSONValue.object(stage.parameters.values).prettyJSONText.htmlEscaped)</pre></details></li>"
        }
        section("pipeline", "Pipeline", html + "</ol>")
    }

    mutating func outputs(_ stats: RunStatistics) {
        var html = stats.outputs.isEmpty ? "<p>No output was written.</p>"
            : "<ul>" + stats.outputs.map { "<li><code>\($0.htmlEscaped)</code></li>" }.joined() + "</ul>"
        if !stats.warnings.isEmpty {
            html += "<h3>Warnings</h3><ul>" + stats.warnings.map { "<li>\($0.htmlEscaped)</li>" }.joined() + "</ul>"
        }
        section("outputs", "Outputs", html)
    }

    func finished(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="textpipe \(TextPipeVersion.string)">
        <title>\(title.htmlEscaped)</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        <script>
        \(Self.script)
        </script>
        </body>
        </html>

        """
    }

    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        var html = "<table class=\"sortable\"><thead><tr>"
        for (i, h) in headers.enumerated() {
            html += "<th\(numeric.contains(i) ? " class=\"num\"" : "") title=\"Sort by \(h.htmlEscaped)\">\(h.htmlEscaped)</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.enumerated().map { i, cell in
                "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell.htmlEscaped)</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    static func seconds(_ s: Double) -> String { String(format: s < 10 ? "%.3f s" : "%.1f s", s) }
    static func rate(_ r: Double) -> String { String(format: r < 10 ? "%.2f" : "%.0f", r) }

    /// 1536 → "1.5k", for axis labels.
    static func short(_ n: Int) -> String {
        if n < 1000 { return String(n) }
        if n < 1_000_000 { return Self.trim(Double(n) / 1000) + "k" }
        return Self.trim(Double(n) / 1_000_000) + "M"
    }

    private static func trim(_ v: Double) -> String {
        v >= 100 || v.rounded() == v ? String(Int(v.rounded())) : String(format: "%.1f", v)
    }

    static let style = """
        :root { color-scheme: light; --text: #1f2933; --muted: #616e7c; --line: #d9dde3; --accent: #3b6fb6; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); background: #f5f7fa; }
        main { max-width: 800px; margin: 0 auto; padding: 24px 20px 48px; }
        header h1 { margin: 0 0 4px; font-size: 28px; }
        h2 { font-size: 19px; margin: 0 0 12px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
        .muted { color: var(--muted); font-weight: normal; }
        .status.completed strong { color: #2e7d32; } .status.failed strong, .error { color: #c62828; }
        .status.interrupted strong { color: #b26a00; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0 10px; }
        svg .label, svg .value, svg .tick, svg .axis { font: 12px system-ui, sans-serif; fill: #1f2933; }
        svg .tick { font-size: 11px; fill: #616e7c; } svg .axis { fill: #616e7c; }
        svg .inbar { font: 600 13px system-ui, sans-serif; fill: #fff; }
        svg g:hover .bar { opacity: 0.8; }
        .legend { list-style: none; padding: 0; margin: 0 0 8px; display: flex; gap: 18px; flex-wrap: wrap; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { cursor: pointer; user-select: none; white-space: nowrap; }
        th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td { overflow-wrap: anywhere; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
        dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
        ol.stages { padding-left: 22px; } pre { background: #f5f7fa; padding: 8px; overflow: auto; font-size: 12px; }
        """

    /// Sorts a table by a clicked header. It also records on `<body>` that it ran to the
    /// end and any error it met, which a headless browser's DOM dump shows to the test.
    static let script = """
        (function () {
          "use strict";
          window.addEventListener("error", function (event) {
            document.body.setAttribute("data-script-error", String(event.message));
          });
          function key(cell) {
            var text = cell.textContent.replace(/[,≈\\s]|MB\\/s|s$/g, "");
            var number = parseFloat(text);
            return isNaN(number) || !/^-?[0-9.]+$/.test(text) ? cell.textContent.toLowerCase() : number;
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            table.querySelectorAll("th").forEach(function (header, column) {
              header.addEventListener("click", function () {
                var ascending = header.getAttribute("aria-sort") !== "ascending";
                table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var body = table.tBodies[0];
                Array.prototype.slice.call(body.rows).sort(function (a, b) {
                  var x = key(a.cells[column]), y = key(b.cells[column]);
                  var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
                  return ascending ? order : -order;
                }).forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.body.setAttribute("data-charts", String(document.querySelectorAll("svg.chart").length));
          document.body.setAttribute("data-report-ready", "yes");
        })();
        """
}
