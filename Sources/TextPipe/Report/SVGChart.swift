/// The run report's charts, drawn as inline SVG so the report needs no script library, no
/// font and no network: one self-contained file.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Double
        /// Shown at the end of the bar.
        var valueText: String
        /// Shown on hover.
        var tooltip: String
        var color = Palette.bar
    }

    enum Palette {
        static let bar = "#3b6fb6"
        static let completed = "#2e7d32"
        static let dropped = "#f9a825"
        static let failed = "#c62828"
        static let skipped = "#78909c"
        static let grid = "#d9dde3"
        static let text = "#1f2933"
        static let muted = "#616e7c"
    }

    /// One horizontal bar per row, with its label on the left and its value on the right.
    static func horizontalBars(_ bars: [Bar], title: String, width: Int = 720, labelWidth: Int = 190) -> String {
        let rowHeight = 24, valueWidth = 200, top = 4
        let height = top * 2 + max(1, bars.count) * rowHeight
        let plotWidth = Double(width - labelWidth - valueWidth - 8)
        let maximum = max(bars.map(\.value).max() ?? 0, .leastNonzeroMagnitude)
        var svg = open(width: width, height: height, title: title, kind: "bars")
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let length = max(bar.value > 0 ? 1.5 : 0, plotWidth * bar.value / maximum)
            svg += "<g><title>\(bar.tooltip.htmlEscaped)</title>"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"label\">\(clipped(bar.label, 28).htmlEscaped)</text>"
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(fixed(length))\" height=\"\(rowHeight - 8)\" rx=\"2\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(fixed(Double(labelWidth) + length + 6))\" y=\"\(y + 16)\" class=\"value\">\(bar.valueText.htmlEscaped)</text></g>"
        }
        return svg + "</svg>"
    }

    /// A histogram: one column per bin from the first to the last bin that holds values.
    static func histogram(_ histogram: Histogram, title: String, axisTitle: String,
                          binLabel: (_ lower: Int, _ upper: Int?) -> String, width: Int = 720) -> String
    {
        let bins = histogram.usedBins
        let height = 240, left = 52, right = 12, top = 12, bottom = 58
        let plotWidth = Double(width - left - right), plotHeight = Double(height - top - bottom)
        let step = niceStep(above: (bins.map { histogram.counts[$0] }.max() ?? 1), parts: 4)
        let maximum = step * 4
        var svg = open(width: width, height: height, title: title, kind: "histogram")
        for q in 0...4 {
            let y = Double(top) + plotHeight * (1 - Double(q) / 4)
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(fixed(y))\" y2=\"\(fixed(y))\" stroke=\"\(Palette.grid)\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(fixed(y + 4))\" text-anchor=\"end\" class=\"tick\">\(grouped(step * q))</text>"
        }
        let slot = plotWidth / Double(max(1, bins.count))
        for (k, bin) in bins.enumerated() {
            let count = histogram.counts[bin]
            let range = histogram.range(ofBin: bin)
            let label = binLabel(range.lower, range.upper)
            let barHeight = plotHeight * Double(count) / Double(maximum)
            let x = Double(left) + Double(k) * slot
            svg += "<g><title>\(label.htmlEscaped): \(grouped(count))</title>"
            svg += "<rect class=\"bar\" x=\"\(fixed(x + 1))\" y=\"\(fixed(Double(top) + plotHeight - barHeight))\" width=\"\(fixed(max(1, slot - 2)))\" height=\"\(fixed(barHeight))\" fill=\"\(Palette.bar)\"/>"
            let cx = x + slot / 2, ly = Double(top) + plotHeight + 12
            svg += "<text transform=\"translate(\(fixed(cx)),\(fixed(ly))) rotate(-35)\" text-anchor=\"end\" class=\"tick\">\(label.htmlEscaped)</text></g>"
        }
        svg += "<text x=\"\(left + Int(plotWidth / 2))\" y=\"\(height - 4)\" text-anchor=\"middle\" class=\"axis\">\(axisTitle.htmlEscaped)</text>"
        return svg + "</svg>"
    }

    /// One bar split into coloured parts (documents completed, dropped, failed, skipped).
    static func stackedBar(_ parts: [(label: String, count: Int, color: String)], title: String, width: Int = 720) -> String {
        let height = 40
        let total = max(1, parts.map(\.count).reduce(0, +))
        var svg = open(width: width, height: height, title: title, kind: "stacked")
        var x = 0.0
        for part in parts where part.count > 0 {
            let w = Double(width) * Double(part.count) / Double(total)
            svg += "<g><title>\(part.label.htmlEscaped): \(grouped(part.count))</title>"
            svg += "<rect class=\"bar\" x=\"\(fixed(x))\" y=\"4\" width=\"\(fixed(w))\" height=\"32\" fill=\"\(part.color)\"/>"
            if w > 70 {
                svg += "<text x=\"\(fixed(x + 8))\" y=\"25\" class=\"inbar\">\(part.label.htmlEscaped) \(grouped(part.count))</text>"
            }
            svg += "</g>"
            x += w
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, title: String, kind: String) -> String {
        "<svg class=\"chart \(kind)\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(title.htmlEscaped)\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"><title>\(title.htmlEscaped)</title>"
    }

    /// The smallest step of 1, 2 or 5 times a power of ten such that `parts` steps reach
    /// `value`: axis ticks people read at a glance.
    static func niceStep(above value: Int, parts: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where m * magnitude * parts >= max(1, value) { return m * magnitude }
            magnitude *= 10
        }
    }

    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A coordinate with one decimal: enough for a screen, and short.
    static func fixed(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : "", a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + "\(a / 10).\(a % 10)"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and attribute values.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
