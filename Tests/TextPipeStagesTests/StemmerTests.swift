import Testing
@testable import TextPipeStages

/// Cases written from the Porter2 rules, one table per rule; each expectation was worked
/// out by hand from the rule it names (R1/R2 as defined by the algorithm).
enum StemmerCases {
    /// Step 1a: -sses, -ied/-ies, -s (only when a vowel comes before the letter preceding it), -us/-ss kept.
    static let step1aPlurals: [(String, String)] = [
        ("caresses", "caress"), ("classes", "class"), ("ponies", "poni"), ("ties", "tie"),
        ("cries", "cri"), ("cried", "cri"), ("tied", "tie"), ("gas", "gas"), ("this", "this"),
        ("gaps", "gap"), ("kiwis", "kiwi"), ("caress", "caress"), ("census", "census"),
        ("cats", "cat"), ("bus", "bus"), ("uses", "use"),
    ]

    /// Step 1b: -eed(ly) only in R1; -ed(ly)/-ing(ly) after a vowel, then at/bl/iz + e,
    /// undoubling, or e for a short word.
    static let step1b: [(String, String)] = [
        ("feed", "feed"), ("agreed", "agre"), ("guaranteed", "guarante"), ("deedly", "deed"),
        ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"), ("sing", "sing"),
        ("markedly", "mark"), ("exceedingly", "exceed"), ("proceeding", "proceed"),
        ("opened", "open"), ("failing", "fail"),
    ]

    /// Step 1b after the deletion: -at, -bl, -iz take an e back.
    static let step1bRestoreE: [(String, String)] = [
        ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("rated", "rate"),
    ]

    /// Step 1b after the deletion: a double bb dd ff gg mm nn pp rr tt loses a letter; ll ss zz do not.
    static let step1bDoubleConsonant: [(String, String)] = [
        ("hopping", "hop"), ("tanned", "tan"), ("canned", "can"), ("robbed", "rob"),
        ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"),
    ]

    /// Step 1b after the deletion: a short word (short syllable, empty R1) takes an e; w, x, Y never close a short syllable.
    static let step1bShortWord: [(String, String)] = [
        ("hoped", "hope"), ("hoping", "hope"), ("filing", "file"), ("fixed", "fix"),
        ("snowing", "snow"), ("saying", "say"), ("buying", "buy"),
    ]

    /// Step 1c: a final y becomes i after a consonant that is not the first letter.
    static let step1c: [(String, String)] = [
        ("cry", "cri"), ("spy", "spi"), ("fly", "fli"), ("happy", "happi"), ("enjoy", "enjoy"),
        ("say", "say"), ("boy", "boy"), ("toy", "toy"),
    ]

    /// The prelude: an initial y and a y after a vowel are consonants.
    static let yAsConsonant: [(String, String)] = [
        ("youth", "youth"), ("yellow", "yellow"), ("players", "player"), ("employs", "employ"),
        ("yearly", "year"),
    ]

    /// Step 2: suffixes in R1 mapped to shorter ones; -ogi after l; -li after a valid li-ending.
    static let step2: [(String, String)] = [
        ("relational", "relat"), ("conditional", "condit"), ("valency", "valenc"),
        ("hesitancy", "hesit"), ("digitizer", "digit"), ("conformably", "conform"),
        ("radically", "radic"), ("differently", "differ"), ("organization", "organ"),
        ("operator", "oper"), ("feudalism", "feudal"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("decisiveness", "decis"), ("sensitivity", "sensit"),
        ("formality", "formal"), ("sensibility", "sensibl"), ("possibly", "possibl"),
        ("analogy", "analog"), ("biology", "biolog"), ("pedagogy", "pedagogi"),
        ("beautifully", "beauti"), ("hopelessly", "hopeless"), ("quickly", "quick"),
        ("briefly", "briefli"), ("badly", "bad"), ("rationally", "ration"),
    ]

    /// Step 3: suffixes in R1 (and -ative only in R2).
    static let step3: [(String, String)] = [
        ("formalize", "formal"), ("duplicate", "duplic"), ("electricity", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"),
        ("creative", "creativ"), ("demonstrative", "demonstr"),
    ]

    /// Step 4: suffixes deleted in R2; -ion only after s or t.
    static let step4: [(String, String)] = [
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"),
        ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("dependent", "depend"), ("activate", "activ"),
        ("angularity", "angular"), ("homologous", "homolog"), ("effective", "effect"),
        ("bowdlerize", "bowdler"), ("adoption", "adopt"), ("confusion", "confus"),
        ("opinion", "opinion"),
    ]

    /// Step 5: e goes in R2, or in R1 when not after a short syllable; l goes after l in R2.
    static let step5: [(String, String)] = [
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("create", "creat"),
        ("care", "care"), ("controlled", "control"), ("roll", "roll"),
    ]

    /// R1 starts after gener-, commun- and arsen- rather than after the first consonant cluster.
    static let r1Exceptions: [(String, String)] = [
        ("generous", "generous"), ("generously", "generous"), ("general", "general"),
        ("generate", "generat"), ("generalize", "general"), ("communities", "communiti"),
        ("community", "communiti"), ("communication", "communic"), ("communism", "communism"),
        ("arsenal", "arsenal"), ("arsenic", "arsenic"),
    ]

    /// Words stemmed by Porter2's lists instead of its rules, before and after step 1a.
    static let exceptionalWords: [(String, String)] = [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ("inning", "inning"), ("innings", "inning"), ("outings", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earrings", "earring"), ("proceed", "proceed"),
        ("exceed", "exceed"), ("succeed", "succeed"),
    ]

    /// Step 0 and the prelude: possessive endings and a leading apostrophe.
    static let apostrophes: [(String, String)] = [
        ("dog's", "dog"), ("dogs'", "dog"), ("'tis", "tis"), ("children's", "children"),
        ("o'clock", "o'clock"), ("students'", "student"), ("'hello'", "hello"), ("'s", "'s"),
    ]

    /// Words the stemmer leaves alone apart from lower-casing: 1-2 letters, non-letters, non-ASCII.
    static let unchanged: [(String, String)] = [
        ("be", "be"), ("is", "is"), ("a", "a"), ("US", "us"), ("", ""),
        ("naïve", "naïve"), ("CAFÉS", "cafés"), ("covid-19", "covid-19"), ("x2s", "x2s"),
        ("Running", "run"), ("CONNECTIONS", "connect"),
    ]

    static let all: [(String, String)] =
        step1aPlurals + step1b + step1bRestoreE + step1bDoubleConsonant + step1bShortWord + step1c
        + yAsConsonant + step2 + step3 + step4 + step5 + r1Exceptions + exceptionalWords + apostrophes + unchanged
}

@Suite struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    @Test("step 1a removes plural endings", arguments: StemmerCases.step1aPlurals)
    func step1aPlurals(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 1b removes -eed, -ed, -ing and their -ly forms", arguments: StemmerCases.step1b)
    func step1b(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 1b restores e after -at, -bl, -iz", arguments: StemmerCases.step1bRestoreE)
    func step1bRestoreE(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 1b undoubles a final double consonant", arguments: StemmerCases.step1bDoubleConsonant)
    func step1bDoubleConsonant(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 1b adds e to a short word", arguments: StemmerCases.step1bShortWord)
    func step1bShortWord(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 1c turns a final y after a consonant into i", arguments: StemmerCases.step1c)
    func step1c(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("an initial y and a y after a vowel are consonants", arguments: StemmerCases.yAsConsonant)
    func yAsConsonant(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 2 maps suffixes in R1", arguments: StemmerCases.step2)
    func step2(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 3 maps suffixes in R1 and -ative in R2", arguments: StemmerCases.step3)
    func step3(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 4 deletes suffixes in R2", arguments: StemmerCases.step4)
    func step4(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("step 5 deletes a final e or the second l", arguments: StemmerCases.step5)
    func step5(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("R1 starts after gener-, commun-, arsen-", arguments: StemmerCases.r1Exceptions)
    func r1Exceptions(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("exceptional words follow the list", arguments: StemmerCases.exceptionalWords)
    func exceptionalWords(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("apostrophes: possessives and a leading apostrophe go", arguments: StemmerCases.apostrophes)
    func apostrophes(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("short, non-letter and non-ASCII words are only lower-cased", arguments: StemmerCases.unchanged)
    func unchanged(_ word: String, _ stem: String) { #expect(stemmer.stem(word) == stem) }

    @Test("the byte API agrees with the string API on every case")
    func byteAPIAgrees() {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        for (word, stem) in StemmerCases.all where word.unicodeScalars.allSatisfy(\.isASCII) {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: word.utf8)
            stemmer.stem(into: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == stem, "\(word)")
        }
    }

    @Test("a substring in the middle of a text is stemmed like a word")
    func substringStem() {
        let text = "the connections were running"
        let words = text.split(separator: " ").map { stemmer.stem($0) }
        #expect(words == ["the", "connect", "were", "run"])
    }

    @Test("a word and its inflections share a stem")
    func inflectionsShareAStem() {
        let families = [
            ["connect", "connected", "connecting", "connection", "connections"],
            ["generate", "generates", "generated", "generating"],
            ["hope", "hoped", "hoping", "hopes"],
            ["adjust", "adjusted", "adjusting", "adjustment", "adjustments"],
        ]
        for family in families {
            let stems = Set(family.map { stemmer.stem($0) })
            #expect(stems.count == 1, "\(family): \(stems.sorted())")
        }
    }

    // Porter2 is not idempotent, so there is no idempotence test: each step fires at most
    // once per call, so a stem can still end in something a later call removes. Step 1b turns
    // "agreed" into "agree", step 5 then drops one e ("agre"), and a second call drops the
    // other, since "agr" does not end in a short syllable.
    @Test("stemming a stem again may shorten it (Porter2 is not idempotent)")
    func notIdempotent() {
        #expect(stemmer.stem("agreed") == "agre")
        #expect(stemmer.stem("agre") == "agr")
    }

    @Test("a stem is never longer than its word and keeps its first letter")
    func stemIsShorter() {
        for (word, _) in StemmerCases.all where word.count > 2 && word.unicodeScalars.allSatisfy(\.isASCII) {
            let stem = stemmer.stem(word)
            let lower = word.lowercased().drop { $0 == "'" }
            #expect(stem.utf8.count <= word.utf8.count, "\(word)")
            #expect(stem.prefix(1) == lower.prefix(1), "\(word)")
        }
    }
}
