/// English function words: articles, pronouns, auxiliaries, prepositions, conjunctions
/// and common adverbs. Prose is dense with them and boilerplate (menus, link lists) is
/// not, which makes their share a good signal of running text.
public enum EnglishStopwords {
    public static let words: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "every",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "last", "least", "less", "like", "made", "many", "may", "me", "might", "more",
        "most", "much", "must", "my", "myself", "never", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per",
        "rather", "said", "same", "says", "she", "should", "since", "so", "some", "still", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
        "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "although", "among", "around", "across", "along", "already", "another", "anything", "become",
        "became", "something", "someone", "nothing", "onto", "toward", "towards", "via", "whereas", "i'm",
        "it's", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't",
        "couldn't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't", "that's", "there's", "they're",
        "we're", "you're", "he's", "she's",
    ]

    static let packed = PackedWordSet(words)

    /// What one pass over a text's UTF-8 bytes counts: code points, wide ones (CJK, kana,
    /// Hangul: U+3000 to U+DFFF), commas (also 、 and ，), words and stop words. Allocates
    /// nothing: it runs on every block of every page.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (characters: Int, wide: Int, commas: Int, words: Int, stopwords: Int)
    {
        var characters = 0, wide = 0, commas = 0, words = 0, stops = 0
        var low: UInt64 = 0, high: UInt64 = 0, count = 0
        var previous: UInt8 = 0, previous2: UInt8 = 0
        let table = packed
        for b in bytes {
            defer { previous2 = previous; previous = b }
            if b & 0xC0 != 0x80 { characters += 1 }
            if b &- 0xE3 < 11 { wide += 1 }
            let upper = b &- 0x41 < 26
            if upper || b &- 0x61 < 26 || b == 0x27 || b >= 0x80 {
                // Stop words are at most 10 bytes: longer words are only counted.
                if count < 8 {
                    low |= UInt64(upper ? b | 0x20 : b) << (8 * count)
                } else if count < 10 {
                    high |= UInt64(upper ? b | 0x20 : b) << (8 * (count - 8))
                }
                count += 1
                // The ideographic comma and the full-width one (、，) end in 0x81 and 0x8C.
                if (b == 0x81 && previous2 == 0xE3 && previous == 0x80) || (b == 0x8C && previous2 == 0xEF && previous == 0xBC) {
                    commas += 1
                }
            } else {
                if b == UInt8(ascii: ",") { commas += 1 }
                if count > 0 {
                    words += 1
                    if count <= 10 && table.contains(low: low, high: high, count: count) { stops += 1 }
                    low = 0
                    high = 0
                    count = 0
                }
            }
        }
        if count > 0 {
            words += 1
            if count <= 10 && table.contains(low: low, high: high, count: count) { stops += 1 }
        }
        return (characters, wide, commas, words, stops)
    }
}
