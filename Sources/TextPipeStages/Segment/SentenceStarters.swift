/// Closed word classes that decide ambiguous full stops: words that almost always open
/// a sentence when capitalised, the few that do even in lower case, the verbs of a
/// speech attribution, and the words that continue a clock time.
enum SentenceStarters {
    /// Capitalised, these open a sentence after an abbreviation that can end one
    /// ("Acme Inc. The firm …"); names and nouns ("Acme Inc. Chief …") do not.
    static let capitalised: ByteWordTable<Bool> = table([
        // Pronouns and determiners.
        "i", "you", "he", "she", "it", "we", "they", "this", "that", "these", "those", "there", "here",
        "its", "his", "her", "their", "our", "my", "your", "the", "a", "an", "all", "some", "many",
        "most", "several", "few", "both", "each", "every", "any", "no", "such", "another", "other",
        "others", "neither", "either", "none", "nothing", "everything", "everyone", "everybody",
        "someone", "somebody", "nobody", "one", "only", "much", "more", "less",
        // Conjunctions and sentence adverbs.
        "but", "and", "or", "so", "yet", "nor", "however", "meanwhile", "moreover", "furthermore", "also",
        "although", "though", "because", "since", "while", "whereas", "if", "unless", "until", "once",
        "then", "thus", "therefore", "hence", "instead", "still", "even", "indeed", "nevertheless",
        "nonetheless", "otherwise", "besides", "likewise", "similarly", "accordingly", "consequently",
        "finally", "first", "second", "third", "next", "last", "later", "earlier", "afterwards", "now",
        "today", "yesterday", "tomorrow", "tonight", "recently", "currently", "previously", "perhaps",
        "maybe", "sometimes", "often", "usually", "just", "not", "yes", "overall", "again", "anyway",
        "already", "soon", "eventually", "initially", "ultimately", "additionally", "specifically",
        "generally", "notably", "fortunately", "unfortunately", "in", "on", "at", "as", "after",
        "before", "by", "for", "from", "with", "without", "during", "under", "over", "to", "into",
        "about", "among", "against", "despite", "according", "between", "through", "within", "upon",
        "unlike", "like", "given", "following", "amid", "around", "across", "along", "toward", "towards",
        // Questions.
        "what", "when", "where", "why", "how", "who", "whom", "whose", "which", "whatever", "whenever",
        // Verbs that open questions and commands.
        "is", "are", "was", "were", "be", "has", "have", "had", "do", "does", "did", "can", "could",
        "should", "would", "must", "shall", "might", "let", "please", "see", "note", "consider",
        // Plural nouns that open news sentences ("… Acme Inc. Analysts expect …") and are
        // not part of a name before them.
        "analysts", "officials", "investors", "shares", "sales", "prices", "police", "experts",
        "critics", "residents", "researchers", "scientists", "economists", "users", "customers",
        "workers", "employees", "students", "parents", "doctors", "voters", "people", "profits",
        "earnings", "stocks", "markets", "authorities", "lawmakers", "members", "leaders", "fans",
        // Contractions.
        "it's", "that's", "there's", "here's", "he's", "she's", "i'm", "i've", "i'd", "i'll", "we're",
        "we've", "they're", "they've", "you're", "don't", "doesn't", "didn't", "isn't", "wasn't",
        "weren't", "can't", "won't", "let's", "what's",
    ])

    /// Lower-case words that still open a new sentence after a plain word's full stop
    /// ("… rose. the board …"), as in careless or lower-cased text: function words that do
    /// not follow an abbreviation inside a sentence. After a long word that is clearly not
    /// abbreviated, any lower-case word opens one (see `isFullWord`).
    static let lowercase: ByteWordTable<Bool> = table([
        "the", "this", "these", "those", "that", "it", "its", "he", "she", "we", "they", "i", "you", "there",
        "then", "but", "however", "what", "why", "how", "when", "where", "who", "which", "my", "our", "his",
        "her", "their", "your", "it's", "i'm", "we're", "they're", "he's", "she's", "that's", "there's",
        "i've", "i'll", "we'll", "we've", "you're", "don't", "didn't", "let's", "a", "an", "and", "so", "also",
        "now", "still", "meanwhile", "yet", "if", "although", "though", "because", "after", "while", "once",
        "today", "yesterday", "tomorrow", "instead", "perhaps", "maybe", "yes", "oh", "well", "please",
        "thus", "therefore", "moreover", "finally", "later", "some", "many", "most", "all", "both", "each",
        "every", "nobody", "nothing", "everyone", "everybody", "someone", "nor", "or", "since", "unless",
        "in", "on", "at", "for", "as", "with", "by", "from", "during", "despite", "according", "not",
    ])

    /// Words that do not end a heading or a title: a line that stops on one was wrapped
    /// in the middle of a sentence.
    static let neverLast: ByteWordTable<Bool> = table([
        "a", "an", "the", "of", "to", "and", "or", "but", "nor", "for", "with", "from", "by", "in", "on", "at",
        "as", "into", "onto", "than", "that", "which", "who", "whose", "whom", "was", "were", "is", "are", "be",
        "been", "has", "have", "had", "would", "will", "could", "should", "can", "may", "might", "must", "its",
        "their", "his", "her", "our", "my", "your", "this", "these", "those", "said", "says", "not", "very",
        "if", "when", "while", "because", "about", "after", "before", "between", "under", "over", "such",
    ])

    /// Verbs that follow a quotation and the speaker's name: `"Why?" Mayor Ruiz asked.`
    static let speechVerbs: ByteWordTable<Bool> = table([
        "said", "says", "asked", "asks", "added", "adds", "replied", "replies", "wrote", "writes",
        "told", "tells", "shouted", "shouts", "explained", "explains", "noted", "notes", "continued",
        "recalled", "insisted", "warned", "warns", "admitted", "argued", "argues", "answered",
        "whispered", "cried", "exclaimed", "declared", "announced", "laughed", "joked", "quipped",
        "observed", "remarked", "responded", "stated", "states", "suggested", "conceded",
        "acknowledged", "agreed", "demanded", "yelled", "screamed", "muttered", "murmured", "sighed",
        "pleaded", "snapped", "smiled", "wondered", "asserted", "claimed", "claims", "concluded",
    ])

    /// After a company or name suffix or a street ("Orbit Corp. Chief Executive …", "King
    /// Jr. Day", "Pennsylvania Ave. NW"), capitalised words that continue the name: job
    /// titles, place nouns and compass directions.
    static let nameContinuations: ByteWordTable<Bool> = table([
        "chief", "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "chair", "president", "vice", "executive",
        "director", "founder", "co-founder", "cofounder", "managing", "senior", "head", "general", "spokesman",
        "spokeswoman", "spokesperson", "treasurer", "secretary", "partner", "principal", "analyst", "board",
        "chairperson", "owner", "boss", "economist", "strategist", "attorney", "lawyer", "counsel", "manager",
        "editor", "engineer", "fellow", "associate", "officer", "adviser", "advisor", "correspondent",
        "day", "high", "boulevard", "blvd", "drive", "avenue", "ave", "street", "st", "road", "memorial", "library",
        "park", "bridge", "airport", "center", "centre", "school", "college", "university", "hall", "elementary",
        "stadium", "award", "prize", "foundation", "institute", "way", "square", "plaza", "station",
        "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "n", "s", "e", "w",
        "nw", "ne", "sw", "se",
        // Further parts of a company's name: "Samsung Electronics Co. Ltd.", "Dow & Co. Inc.".
        "ltd", "inc", "llc", "llp", "plc", "corp", "co", "group", "holdings", "limited", "corporation", "company",
        "ag", "sa", "nv", "gmbh", "bv", "spa", "ab", "asa", "oyj", "kk", "kg", "pte", "pty", "bhd", "tbk",
    ])

    /// Capitalised words before "St." that make it Saint rather than Street: "Mount St.
    /// Helens", "Port St. Lucie", "East St. Louis".
    static let beforeSaint: ByteWordTable<Bool> = table([
        "mount", "mt", "port", "fort", "ft", "lake", "bay", "cape", "point", "pointe", "rue", "san", "santa",
        "great", "little", "upper", "lower", "east", "west", "north", "south", "old", "new", "via", "saint",
    ])

    /// Names that follow Saint in places and surnames ("Yves St. Laurent", "Jill St.
    /// John", "Lake St. Clair"): after them "St." is never Street.
    static let saintNames: ByteWordTable<Bool> = table([
        "john", "johns", "james", "paul", "peter", "mary", "marys", "louis", "clair", "claire", "laurent", "george",
        "andrew", "andrews", "patrick", "michael", "thomas", "anne", "helena", "helens", "lucia", "lucie", "kitts",
        "vincent", "petersburg", "augustine", "albans", "ives", "david", "bride", "martin", "lawrence",
        "catherine", "catharines", "pierre", "jean", "joseph", "francis", "germain", "tropez", "moritz", "gallen",
        "cloud", "charles", "jude", "luke", "mark", "matthew", "stephen", "denis", "leger", "hilaire", "elmo",
        "croix", "cyr", "pancras", "nicholas", "benedict", "dominic", "barts", "bernard", "gotthard", "jacques",
    ])

    /// Lower-case words before a capital initial that introduce a person's name ("by J.
    /// Smith", "and J. Smith"); after any other lower-case word a capital letter and a full
    /// stop name a thing ("vitamin D.", "plan B.") and can end the sentence. Past-tense
    /// verbs ("interviewed J. Smith") count as introducers by their ending.
    static let nameIntroducers: ByteWordTable<Bool> = table([
        "by", "and", "or", "nor", "but", "with", "without", "to", "from", "of", "for", "at", "as", "like", "than",
        "between", "including", "featuring", "starring", "against", "among", "per", "via", "vs", "versus", "whom",
        "dear", "said", "says", "told", "tells", "asked", "asks", "thanked", "thanks", "met", "meets", "meet",
        "joined", "joins", "the", "about", "after", "before", "under", "behind", "beside", "on", "in", "into",
        "onto", "upon", "is", "was", "are", "were", "be", "been", "named", "called", "artist", "author", "poet",
        "writer", "novelist", "composer", "painter", "director", "professor", "judge", "justice", "president",
        "senator", "colleague", "friend", "brother", "sister", "son", "daughter", "wife", "husband", "uncle",
        "aunt", "cousin", "mother", "father", "chairman", "chairwoman", "editor", "coach", "manager", "captain",
        "spokesman", "spokeswoman", "minister", "secretary", "governor", "mayor", "reporter", "photographer",
        "singer", "actor", "actress", "player", "architect", "designer", "founder", "owner", "partner",
        "include", "includes", "features", "stars", "hosts", "welcomes", "replaces", "succeeds", "names",
        "appoints", "honours", "honors", "thank", "ask", "tell", "call", "contact", "email", "see", "cf",
    ])

    /// After a quotation and "Name said", these words make a new sentence rather than an
    /// attribution: `"Who?" Mary said nothing.`
    static let notAttribution: ByteWordTable<Bool> = table([
        "nothing", "no", "yes", "something", "anything", "everything", "little", "much", "that", "it", "so",
        "this", "otherwise", "goodbye", "hello", "sorry", "thanks", "more",
    ])

    /// Month names and abbreviations, which continue a clock time when a day follows ("9
    /// a.m. Jan. 5").
    static let months: ByteWordTable<Bool> = table([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])

    /// Consonant-only words that are not abbreviations: "hmm.", "shh.".
    static let interjections: ByteWordTable<Bool> = table([
        "hmm", "hmmm", "hm", "mm", "mmm", "shh", "shhh", "sh", "ssh", "tsk", "psst", "pst", "brr", "brrr", "grr",
        "grrr", "pfft", "nth", "zzz", "bzz", "pss", "tsktsk",
    ])

    /// Words that continue a clock time after a.m. or p.m.: time zones and weekdays.
    static let afterTime: ByteWordTable<Bool> = table([
        "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "west", "est", "edt", "cst", "cdt", "mst",
        "mdt", "pst", "pdt", "akst", "akdt", "hst", "et", "ct", "mt", "pt", "ist", "jst", "kst", "aest",
        "aedt", "awst", "nzst", "nzdt", "sgt", "hkt", "msk", "eastern", "central", "mountain", "pacific",
        "atlantic", "alaska", "hawaii", "greenwich", "zulu", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
        "sat", "sun",
    ])

    /// "… 8:30 a.m. New York time": a place named before one of these is a time zone.
    static let timeNouns: ByteWordTable<Bool> = table(["time", "timezone"])

    /// A table of words, each also with a typographic apostrophe where it has one.
    private static func table(_ words: [String]) -> ByteWordTable<Bool> {
        var pairs: [(String, Bool)] = []
        for w in words {
            pairs.append((w, true))
            if w.contains("'") { pairs.append((w.replacingOccurrences(of: "'", with: "\u{2019}"), true)) }
        }
        return ByteWordTable(pairs)
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
