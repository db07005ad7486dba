/// How an abbreviation's full stop behaves before the next word. Abbreviations are only
/// ambiguous before a capitalised word: before a lower-case word, a digit or a comma they
/// never end a sentence.
enum AbbreviationKind: Sendable, Equatable {
    /// Always followed by more of its sentence: titles before a name (Mr., Prof., Gen.)
    /// and connectives (e.g., vs., approx.).
    case neverFinal
    /// Ends a sentence only before a clear sentence starter ("Acme Inc. The firm …",
    /// "on Elm St. It was …"), not before a name ("Acme Inc. Chief Executive …").
    case finalBeforeStarter
    /// Ends a sentence before any capitalised word: "etc.".
    case finalBeforeCapital
    /// a.m. and p.m.: end a sentence before a capitalised word, except a time zone or a
    /// weekday ("5 p.m. Eastern time"), or when the time phrase opens the sentence
    /// ("At 5 a.m. Mr. Smith left.").
    case time
    /// A unit after a number ("3 in. long"); after anything else an ordinary word ("came in.").
    case unitAfterNumber
    /// A US state that is also a word, abbreviated after a comma and a city ("Boston,
    /// Mass."); anywhere else an ordinary word ("he fell ill.").
    case stateAfterComma
    /// A US state: after "City," or a party letter ("D-Calif.") it ends the place, so a
    /// capitalised word after it starts a sentence (see `endsName`); elsewhere like
    /// `finalBeforeStarter`.
    case state
    /// The end of a name after it (Inc., Ltd., Jr.): after a capitalised word, before any
    /// capitalised word but a title or place noun the sentence ends ("at Acme Inc.
    /// Microsoft said …", not "Orbit Corp. Chief Executive …", "King Jr. Day"); elsewhere
    /// ("in Co. Kerry") like `finalBeforeStarter`.
    case nameSuffix
    /// A unit of measure: after a number it ends a sentence before any capitalised word
    /// ("30 ft. Fishermen …"); elsewhere ("Ft. Worth") like `finalBeforeStarter`.
    case unit
    /// A street after its name or number ("Elm St.", "5th Ave."): ends a sentence before
    /// any capitalised word but a compass direction; elsewhere ("St. Paul", "Mount St.
    /// Helens") like `finalBeforeStarter`.
    case street
    /// "No.": the answer "no" when it opens the sentence ("No. Absolutely not.") or is in
    /// lower case before a capitalised word ("She said no. Maria left."); before a number,
    /// or capitalised inside a sentence, the numero sign.
    case numero
    /// Resolved in context only: ends a sentence before a capitalised word unless a title,
    /// place noun or compass direction follows (`nameSuffix` and `street` after a name).
    case endsName
}

/// The English abbreviations the sentence segmenter knows, plus those a pipeline adds.
/// Keys are stored without their final dot, lower-cased; dotted forms keep inner dots
/// ("e.g", "a.m"). Dotted initialisms not listed (U.S., Ph.D., i.v.) are recognised by
/// shape, and single letters (initials) by rule, so they need no entry.
struct Abbreviations: Sendable {
    let table: ByteWordTable<AbbreviationKind>

    init(extra: [String] = []) {
        var pairs: [(String, AbbreviationKind)] = []
        for (kind, words) in Self.english {
            for w in words { pairs.append((w, kind)) }
        }
        for w in extra {
            let key = Self.normalizedKey(w)
            if !key.isEmpty { pairs.append((key, .finalBeforeStarter)) }
        }
        table = ByteWordTable(pairs)
    }

    /// A user's entry as a key: surrounding whitespace and one final dot removed.
    static func normalizedKey(_ entry: String) -> String {
        var s = Substring(entry)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return String(s)
    }

    /// Why a user's entry cannot be an abbreviation, or nil when it can.
    static func problem(with entry: String) -> String? {
        let key = normalizedKey(entry)
        if key.isEmpty { return "an abbreviation must not be empty" }
        if key.contains(where: { $0.isWhitespace }) {
            return "an abbreviation is one word without spaces, found '\(entry)'"
        }
        if key.utf8.count > 32 { return "an abbreviation is at most 32 bytes long, found '\(entry)'" }
        return nil
    }

    func kind(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> AbbreviationKind? {
        table.value(bytes, range)
    }

    static let english: [(AbbreviationKind, [String])] = [
        (.neverFinal, [
            // Titles and ranks before a name.
            "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "prof", "profs", "gen", "gens", "sen", "sens",
            "rep", "reps", "gov", "govs", "lt", "col", "capt", "cpt", "sgt", "cpl", "pvt", "pfc", "maj", "adm",
            "cmdr", "comdr", "cdr", "brig", "lieut", "hon", "rev", "revd", "fr", "pres", "supt", "insp", "det",
            "amb", "atty", "msgr", "sra", "srta", "mssrs", "gov", "rt", "hon", "ens", "cmdt",
            // Connectives that always lead into more of the sentence.
            "e.g", "i.e", "cf", "viz", "vs", "approx", "ca", "incl", "esp", "resp", "w.r.t", "a.k.a", "aka",
            "re", "abt",
        ]),
        (.finalBeforeStarter, [
            // Titles and place words that can also come last (Drive, Street, Saint, Mount, Fort).
            "dr", "drs", "sts", "ste", "mt", "mts",
            "phd",
            // Organisations.
            "bros", "assn", "assoc", "dept", "depts", "div", "univ", "inst", "intl", "natl", "govt", "mfg", "mgr", "mgmt",
            "admin",
            // Addresses.
            "hwy", "pkwy", "apt", "apts", "bldg", "rm", "fl", "mtn",
            // References and numbering.
            "nos", "nr", "n°", "nº", "vol", "vols", "p", "pp", "fig", "figs", "ch", "chap", "chs",
            "para", "paras", "eq", "eqs", "ref", "refs", "appx",
            "op", "ed", "eds", "trans", "est", "ibid", "al", "ver", "cl", "nb", "ps", "seq", "cit",
            "ms", "mss", "illus", "repr", "rev", "suppl", "ext", "tel", "attn", "encl",
            // Days.
            "tue", "tues", "thu", "thur", "thurs", "fri",
            "misc", "avg", "dist", "abbr", "orig", "corr",
        ]),
        (.state, [
            // US states whose abbreviations are not also common words.
            "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ind", "kan", "kans", "ky", "md", "mich",
            "minn", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wis",
            "wisc", "wyo",
        ]),
        (.nameSuffix, [
            // Companies, and suffixes after a person's name ("Bros." is not among them: "Warner
            // Bros. Discovery" goes on).
            "inc", "ltd", "co", "cos", "corp", "llc", "llp", "plc", "pty",
            "jr", "sr", "snr", "jnr", "esq",
        ]),
        (.unit, [
            // Units and measures, also Fort (ft), point (pt), section (sec) and Missouri (mo).
            "ft", "yd", "yds", "mi", "lb", "lbs", "oz", "qt", "pt", "pts", "gal", "gals", "tsp", "tbsp", "hr",
            "hrs", "min", "mins", "sec", "secs", "sq", "cu", "km", "kg", "cm", "mm", "ml", "deg", "yr", "yrs",
            "wk", "wks", "mo", "mos", "bbl", "pct", "mph", "kph", "kcal",
        ]),
        (.street, ["st", "ave", "av", "rd", "blvd", "ln", "ct", "pl", "ter", "cres"]),
        (.numero, ["no"]),
        // Months: never followed by a name, so a capitalised word starts a sentence.
        (.finalBeforeCapital, ["etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]),
        (.time, ["a.m", "p.m"]),
        (.unitAfterNumber, ["in"]),
        (.stateAfterComma, ["mass", "ill", "wash", "miss", "del", "me", "la", "ida"]),
    ]
}
