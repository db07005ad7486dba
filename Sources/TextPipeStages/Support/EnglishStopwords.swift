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

    /// Counts words (runs of ASCII letters and apostrophes, other letters count as word
    /// characters too) and how many are stop words. Works on bytes and allocates nothing: it
    /// runs on every block of every page.
    public static func density(of text: Substring) -> (words: Int, stopwords: Int) {
        var words = 0, stops = 0
        var current = PackedWordSet.Word()
        func flush() {
            guard current.count > 0 else { return }
            words += 1
            if current.count <= 10 && packed.contains(current) { stops += 1 }
            current = PackedWordSet.Word()
        }
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A: current.append(b | 0x20)
            case 0x61...0x7A, 0x27: current.append(b)
            case 0x80...0xFF: current.append(b)
            default: flush()
            }
        }
        flush()
        return (words, stops)
    }
}
