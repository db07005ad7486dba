/// The checks that ready patterns run on a match: what a regular expression cannot judge
/// (check digits, days per month). Each takes the matched text and is cheap: one pass over
/// its code points, no allocation beyond a few small arrays.
enum PatternChecks {
    // MARK: Check digits

    /// The ASCII digits of `text`, in order.
    static func digits(_ text: Substring) -> [Int] {
        text.utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
    }

    /// The Luhn (mod 10) check used by payment cards.
    static func luhn(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }

    /// A card number: 13–19 digits and the Luhn check. Written in a card's groups
    /// (4-4-4-4, 4-6-5) that is enough; a plain run of digits must also start like a
    /// network that issues cards (Visa, Mastercard, American Express, Discover, JCB,
    /// Diners Club, UnionPay, Maestro), because one long number in ten passes Luhn by chance.
    static func creditCard(_ text: Substring) -> Bool {
        let d = digits(text)
        let n = d.count
        guard (13...19).contains(n), luhn(d) else { return false }
        if d.count != text.utf8.count { return true }  // grouped like a card
        func prefix(_ k: Int) -> Int { d.prefix(k).reduce(0) { $0 * 10 + $1 } }
        let p2 = prefix(2), p3 = prefix(3), p4 = prefix(4)
        switch true {
        case d[0] == 4: return n == 13 || n == 16 || n == 19                          // Visa
        case (51...55).contains(p2), (2221...2720).contains(p4): return n == 16        // Mastercard
        case p2 == 34 || p2 == 37: return n == 15                                      // American Express
        case p4 == 6011, (644...649).contains(p3), p2 == 65: return n >= 16            // Discover
        case (3528...3589).contains(p4): return n >= 16                                // JCB
        case (300...305).contains(p3), p2 == 36, p2 == 38, p2 == 39: return n >= 14    // Diners Club
        case p2 == 62: return n >= 16                                                  // UnionPay
        case [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].contains(p4): return true // Maestro
        default: return false
        }
    }

    /// ISBN-13 (prefix 978 or 979, weights 1 and 3, mod 10) or ISBN-10 (weights 10…1,
    /// mod 11, `X` for ten in the last place only).
    static func isbn(_ text: Substring) -> Bool {
        var d: [Int] = []
        var sawX = false
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if sawX { return false }
                d.append(Int(b - 0x30))
            } else if b == 0x58 || b == 0x78 {
                if sawX { return false }
                sawX = true
                d.append(10)
            }
        }
        if d.count == 13 {
            guard !sawX, d[0] == 9, d[1] == 7, d[2] == 8 || d[2] == 9 else { return false }
            var sum = 0
            for (i, v) in d.enumerated() { sum += i % 2 == 0 ? v : 3 * v }
            return sum % 10 == 0
        }
        if d.count == 10 {
            var sum = 0
            for (i, v) in d.enumerated() { sum += (10 - i) * v }
            return sum % 11 == 0
        }
        return false
    }

    // MARK: Numbers in context

    /// The ordinal suffix agrees with the number: 1st, 2nd, 3rd, 11th–13th, 21st, 112th.
    /// Spelled ordinals are already exact in the pattern.
    static func ordinal(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first >= 0x30 && first <= 0x39 else { return true }
        let digitCount = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digitCount >= 1, bytes.count == digitCount + 2 else { return false }
        let last = Int(bytes[digitCount - 1] - 0x30)
        let tens = digitCount >= 2 ? Int(bytes[digitCount - 2] - 0x30) : 0
        let suffix = String(decoding: bytes[digitCount...], as: UTF8.self).lowercased()
        let expected: String
        if tens == 1 {
            expected = "th"
        } else {
            switch last {
            case 1: expected = "st"
            case 2: expected = "nd"
            case 3: expected = "rd"
            default: expected = "th"
            }
        }
        return suffix == expected
    }

    /// Digit counts that real numbers have: with a country code 8–15 (E.164), with a trunk
    /// 0 9–12 (national numbers of Europe, Asia and Oceania), North American 10 or 11
    /// (with the leading 1). An extension is not counted.
    static func phone(_ text: Substring) -> Bool {
        var count = 0
        var firstSignificant: UInt8? = nil
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if firstSignificant == nil { firstSignificant = b }
                count += 1
            } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                break  // "ext", "x": the extension follows
            } else if b == 0x2B, firstSignificant == nil {
                firstSignificant = b
            }
        }
        switch firstSignificant {
        case 0x2B: return (8...15).contains(count)
        case 0x30: return (9...12).contains(count)
        default: return count == 10 || count == 11
        }
    }

    // MARK: Dates

    static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Month number (1–12) for an English month name or abbreviation, lower case.
    static func monthNumber(_ word: String) -> Int? {
        switch word {
        case "january", "jan": return 1
        case "february", "feb": return 2
        case "march", "mar": return 3
        case "april", "apr": return 4
        case "may": return 5
        case "june", "jun": return 6
        case "july", "jul": return 7
        case "august", "aug": return 8
        case "september", "sep", "sept": return 9
        case "october", "oct": return 10
        case "november", "nov": return 11
        case "december", "dec": return 12
        default: return nil
        }
    }

    static func isDay(_ day: Int, ofMonth month: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth[month - 1]
    }

    /// A date that exists on a calendar, as far as its text says: month 1–12, day within
    /// its month (29 February is allowed in any year). For numeric dates without a year
    /// first, either day-month or month-day order may be meant, so one of them must work.
    /// Works on UTF-8 bytes: month names are ASCII, and 年月日 only separate numbers.
    static func date(_ text: Substring) -> Bool {
        struct Number { var value = 0; var length = 0; var afterApostrophe = false }
        var numbers: [Number] = []
        numbers.reserveCapacity(4)
        var month: Int? = nil
        var sawTsuki = false  // 月
        var word: [UInt8] = []
        var current: Number? = nil
        var previous: UInt8 = 0x20
        var previousWasCurlyApostrophe = false

        func endWord() {
            if !word.isEmpty, month == nil, word.count <= 9 {
                month = monthNumber(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                endWord()
                if current == nil {
                    current = Number(afterApostrophe: previous == 0x27 || previousWasCurlyApostrophe)
                }
                current!.value = current!.value * 10 + Int(b - 0x30)
                current!.length += 1
            } else {
                if let n = current { numbers.append(n); current = nil }
                if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                    word.append(b | 0x20)
                } else {
                    endWord()
                }
            }
            // ’ is E2 80 99, 月 is E6 9C 88.
            previousWasCurlyApostrophe = i >= 2 && b == 0x99 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2
            if i >= 2 && b == 0x88 && bytes[i - 1] == 0x9C && bytes[i - 2] == 0xE6 { sawTsuki = true }
            previous = b
            i += 1
        }
        if let n = current { numbers.append(n) }
        endWord()

        if let month {
            // Written dates: every day number before the year must exist in the month.
            for n in numbers {
                if n.length == 4 || n.afterApostrophe { break }
                if !isDay(n.value, ofMonth: month) { return false }
            }
            return true
        }
        if numbers.count == 2, sawTsuki {
            // 3月3日 (month, day) or 2026年12月 (year, month: bounded by the pattern)
            return numbers[0].length == 4 || isDay(numbers[1].value, ofMonth: numbers[0].value)
        }
        if numbers.count == 2, numbers[0].length == 4, numbers[1].length == 4 || numbers[1].length == 2 {
            // A range of years runs forwards; a short second year is within the decade after.
            let (from, to) = (numbers[0].value, numbers[1].value)
            if numbers[1].length == 4 { return to > from }
            var full = from / 100 * 100 + to
            if full <= from { full += 100 }
            return full - from <= 10
        }
        guard numbers.count == 3 else { return true }  // decades, quarters, bare years
        let (a, b, c) = (numbers[0], numbers[1], numbers[2])
        if a.length == 4 { return isDay(c.value, ofMonth: b.value) }
        return isDay(b.value, ofMonth: a.value) || isDay(a.value, ofMonth: b.value)
    }

    /// The date part of a timestamp must exist; the pattern has already bounded the clock.
    static func datetime(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return false }
        if first >= 0x30 && first <= 0x39 {
            let digitsOnly = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
            let number = { (from: Int, count: Int) -> Int in
                bytes[from..<from + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            if digitsOnly.count >= 8 {  // basic format: 20260303T1430Z
                return isDay(number(6, 2), ofMonth: number(4, 2))
            }
            guard bytes.count >= 10 else { return false }
            return isDay(number(8, 2), ofMonth: number(5, 2))
        }
        return date(text)
    }

    // MARK: Addresses

    /// IPv6: at most one `::`, and eight groups in all (an embedded IPv4 counts as two),
    /// fewer only when `::` stands for the rest.
    static func ipv6(_ text: Substring) -> Bool {
        var address = text
        if let cut = address.firstIndex(where: { $0 == "%" || $0 == "/" }) { address = address[..<cut] }
        let compressed = address.components(separatedBy: "::")
        guard compressed.count <= 2 else { return false }
        var groups = 0
        for part in compressed {
            for group in part.split(separator: ":") { groups += group.contains(".") ? 2 : 1 }
        }
        return compressed.count == 2 ? groups <= 7 : groups == 8
    }
}

private extension Substring {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let r = rest.firstRange(of: separator) {
            parts.append(rest[..<r.lowerBound])
            rest = rest[r.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
