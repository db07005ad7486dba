/// Pieces shared by several ready patterns. They are spliced into the raw-string patterns
/// with `\#(...)`, so each pattern stays one readable PCRE2 source.
///
/// Conventions in every pattern:
/// - Boundaries are explicit look-arounds, not `\b`: with UCP, `\b` treats letters of
///   every script as word characters, which is right next to letters but says nothing
///   about the punctuation that matters here (`.`, `,`, `-`, `/`, `@`).
/// - A match never ends before a code point that would join the previous character
///   (combining marks, ZWJ, variation selectors, emoji modifiers), so matches always
///   start and end on character (grapheme) boundaries.
/// - No capturing groups: the span is the whole match (`\K` moves its start where
///   context such as "ISBN" or "in" must be present but is not part of the entity).
enum PatternFragment {
    /// Code points that extend the preceding grapheme; for use inside a character class.
    static let extend = #"\p{M}\x{200C}\x{200D}\x{FE00}-\x{FE0F}\x{1F3FB}-\x{1F3FF}\x{E0020}-\x{E007F}"#

    /// Full month names and abbreviations (`Jan.`, `Sept`), title case or capitals, so
    /// that "may" and "march" as words are left alone. The capital is a literal rather than
    /// a `(?=\p{Lu})` look-ahead so that PCRE2 can skip to the letters a date can start with
    /// (five times faster on running text).
    static let month = #"""
        (?: J (?i: anuary | une | uly | an\.? | un\.? | ul\.? )
          | F (?i: ebruary | eb\.? )
          | M (?i: arch | ay | ar\.? )
          | A (?i: pril | ugust | pr\.? | ug\.? )
          | S (?i: eptember | ept\.? | ep\.? )
          | O (?i: ctober | ct\.? )
          | N (?i: ovember | ov\.? )
          | D (?i: ecember | ec\.? ) )
        (?![\p{L}\#(extend)])
        """#

    /// Three- and four-letter month abbreviations without a dot (`3-Mar-2026`).
    static let monthAbbreviation = #"""
        (?: J (?i: an | un | ul ) | F (?i: eb ) | M (?i: ar | ay ) | A (?i: pr | ug ) | S (?i: ept? )
          | O (?i: ct ) | N (?i: ov ) | D (?i: ec ) )
        """#

    /// Weekday names and abbreviations, title case or capitals.
    static let weekday = #"""
        (?: M (?i: onday | on\.? )
          | T (?i: uesday | hursday | ues\.? | ue\.? | hurs\.? | hur\.? | hu\.? )
          | W (?i: ednesday | ed\.? )
          | F (?i: riday | ri\.? )
          | S (?i: aturday | unday | at\.? | un\.? ) )
        (?![\p{L}\#(extend)])
        """#

    /// A day of the month, 1–31 (the validator checks it against the month).
    static let day = #"(?:3[01]|[12]\d|0?[1-9])"#

    /// English ordinal suffix after a day.
    static let ordinalSuffix = #"(?i:st|nd|rd|th)"#

    /// An IPv4 address, each octet 0–255 without leading zeros.
    static let ipv4 = #"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"#

    /// A DNS label: letters and digits of any script, inner hyphens.
    static let label = #"[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?"#

    /// Amounts of money: 1,250.00 / 1,00,000 (Indian) / 1.250,00 / 1'250 (Swiss) / 1 250 / 12.99 / 12,50.
    static let amount = #"""
        (?: \d{1,3} (?: , \d{3} )+ (?: \. \d+ )?
          | \d{1,2} (?: , \d{2} )+ , \d{3} (?: \. \d+ )?
          | \d{1,3} (?: \. \d{3} )+ (?: , \d{1,2} )?
          | \d{1,3} (?: ['’] \d{3} )+ (?: \. \d{1,2} )?
          | \d{1,3} (?: [\x20\xA0\x{202F}] \d{3} )+ (?: [.,] \d{1,2} )?
          | \d+ (?: \. \d+ | , \d{1,2} )? )
        """#

    /// Scale after an amount: " million", "-billion", "bn", "m", "k".
    static let scale = #"""
        (?: [\x20\xA0\-]? (?i: thousand | million | billion | trillion | crore | lakh )
          | \x20? (?i: bn | mn | tn | mln | bln )
          | [kKmMbB] )
        """#

    /// ISO 4217 codes that appear in news text (and BTC, ETH), capitals only.
    static let currencyCode = #"""
        (?: USD | EUR | GBP | JPY | CNY | RMB | CHF | CAD | AUD | NZD | HKD | SGD | INR | KRW
          | BRL | MXN | RUB | ZAR | SEK | NOK | DKK | PLN | CZK | HUF | ILS | AED | SAR | THB
          | IDR | MYR | NGN | EGP | TWD | BTC | ETH )
        """#

    /// Currency signs other than `$` (which takes country prefixes).
    static let currencySign = #"[€£¥₹₩₽₺₪₫฿₦₱₴]"#

    /// Currency names after an amount ("euros", "Swiss francs", "US dollars", "cents").
    /// Bare "pounds" and "won" are words too, so they only count after a scale word.
    static let currencyName = #"""
        (?i: (?: (?: US | U\.S\. | American | Australian | Canadian | Hong\x20Kong | Singapore
                   | New\x20Zealand | Taiwan | Zimbabwe ) \x20 )? dollars?
           | euros? | (?: Swiss\x20 )? francs? | yen | yuan | renminbi | (?: Indian\x20 )? rupees?
           | (?: Mexican\x20 | Argentine\x20 | Philippine\x20 )? pesos? | r(?:o)?ubles? | cents? | pence
           | (?: British\x20 )? pounds?\x20sterling | British\x20pounds? | sterling
           | kron(?:a|or|e|er) | rand | shekels? | dirhams? | riyals? | baht | ringgit
           | zloty(?:s)? | lira | lire | bitcoins? )
        """#
}

/// The pattern definitions of `PatternLibrary`.
enum ReadyPatterns {
    private typealias F = PatternFragment

    // MARK: Addresses and identifiers

    static let email = LibraryPattern(
        name: "email", label: "EMAIL",
        summary: "E-mail addresses: dotted and plus-addressed local parts, subdomains, Unicode domains",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).%+\-@])          # start of the local part, not inside a longer token
            [\w%+\-]+ (?: ['.] [\w%+\-]+ )*     # local part: atoms joined by dots (o'brien, jane.doe+news)
            @
            (?: \#(F.label) \. )+               # domain labels
            \p{L}{2,63}                         # top-level domain
            (?![\w\#(F.extend)\-@])
            """#)

    /// Lower-case top-level domains accepted without a scheme or `www.` (example.org/x).
    static let bareTopLevelDomains = """
        com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|tv|me|ly|gg|fm|news|blog|online|site|\
        tech|xyz|eu|uk|us|ca|au|nz|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|cz|pt|ie|ru|ua|cn|jp|kr|\
        in|br|mx|ar|za|sg|hk|tw|il|tr|gr|ro|hu|id|my|ph|th|vn|ae|sa|ng|ke|eg|gl|cc|\
        shop|store|club|live|media|cloud|page|link|art|studio|network|agency|digital
        """

    static let url = LibraryPattern(
        name: "url", label: "URL",
        summary: "Web addresses with a scheme, with www., or a bare domain with a known lower-case TLD; trailing punctuation left out",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend)@.\-/])
            (?:
                (?i: https? | ftp ) ://                     # scheme: any host
                (?: [\w.~%!$&*+=\-]+ (?: : [\w.~%!$&*+=\-]* )? @ )?   # user:password@
                (?: (?: \#(F.label) \. )+ (?: \p{L}{2,63} | xn--[\p{L}\p{N}\-]{1,59} )
                  | (?i: localhost ) | \#(F.ipv4) | \[ [0-9A-Fa-f:.]+ \] )
              | (?i: www\d{0,3} ) \. (?: \#(F.label) \. )* \#(F.label) \. \p{L}{2,63}
              | (?!\p{Lu}) (?: \#(F.label) \. )+ (?: \#(bareTopLevelDomains) )
                # a bare domain: known lower-case TLDs only, and not capitalised ("Amazon.com Inc." is a name)
            )
            (?![\w\#(F.extend)\-@])
            (?: : \d{1,5} (?!\d) )?                     # port
            (?:                                          # path, query, fragment
                [/?#]
                (?: [^\s()<>\[\]{}"'“”‘’«»|\\^`–—…\p{Ps}\p{Pe}\p{Pi}\p{Pf}。、，]
                  | \( [^\s()<>]* \) )*                  # balanced parentheses: /wiki/Swift_(language)
                (?<! [.,;:!?*] )                         # a sentence's punctuation is not the URL's
            )?
            (?![\#(F.extend)])
            """#)

    static let ipv4 = LibraryPattern(
        name: "ipv4", label: "IP",
        summary: "IPv4 addresses (octets 0–255, no leading zeros), optional CIDR prefix length",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).:])
            \#(F.ipv4)
            (?: / (?: 3[0-2] | [12]?\d ) )?             # CIDR: 10.0.0.0/8
            (?![\w\#(F.extend)] | \.\d | /\d)
            """#)

    static let ipv6 = LibraryPattern(
        name: "ipv6", label: "IP",
        summary: "IPv6 addresses: full, compressed (::), with embedded IPv4, zone index or prefix length",
        pattern: #"""
            (?x)(?i)
            (?<![\w\#(F.extend):.])
            (?:
                (?: [0-9a-f]{1,4} : ){7} [0-9a-f]{1,4}
              | (?: [0-9a-f]{1,4} : ){1,7} :
              | (?: [0-9a-f]{1,4} : ){1,6} : [0-9a-f]{1,4}
              | (?: [0-9a-f]{1,4} : ){1,5} (?: : [0-9a-f]{1,4} ){1,2}
              | (?: [0-9a-f]{1,4} : ){1,4} (?: : [0-9a-f]{1,4} ){1,3}
              | (?: [0-9a-f]{1,4} : ){1,3} (?: : [0-9a-f]{1,4} ){1,4}
              | (?: [0-9a-f]{1,4} : ){1,2} (?: : [0-9a-f]{1,4} ){1,5}
              | [0-9a-f]{1,4} : (?: : [0-9a-f]{1,4} ){1,6}
              | : (?: : [0-9a-f]{1,4} ){1,7}
              | (?: [0-9a-f]{1,4} : ){6} \#(F.ipv4)
              | (?: (?: [0-9a-f]{1,4} : ){1,5} | : ) : (?: [0-9a-f]{1,4} : ){0,4} \#(F.ipv4)
            )
            (?: % [\p{L}\p{N}_.\-]+ )?                  # zone index: fe80::1%eth0
            (?: / (?: 12[0-8] | 1[01]\d | [1-9]?\d ) )? # prefix length: 2001:db8::/32
            (?![\w\#(F.extend):] | \.\d | /\d)
            """#,
        validator: PatternChecks.ipv6)

    static let uuid = LibraryPattern(
        name: "uuid", label: "UUID",
        summary: "UUIDs in the 8-4-4-4-12 hexadecimal form, any version, either case",
        pattern: #"""
            (?x)(?i)
            (?<![\w\#(F.extend)\-])
            [0-9a-f]{8} - [0-9a-f]{4} - [0-9a-f]{4} - [0-9a-f]{4} - [0-9a-f]{12}
            (?![\w\#(F.extend)\-])
            """#)

    static let isbn = LibraryPattern(
        name: "isbn", label: "ISBN",
        summary: "ISBN-13 (978/979) and ISBN-10 with a valid check digit; after \"ISBN\" any spacing, otherwise 13 digits or four hyphenated groups",
        pattern: #"""
            (?x)
            (?:
                # After an "ISBN" prefix, which is context and not part of the span.
                (?<![\w\#(F.extend)]) (?i: isbn ) (?: -? 1[03] )? :? \h* \K
                (?: 97[89] (?: [\-‐‑\h]? \d ){10}
                  | \d (?: [\-‐‑\h]? \d ){8} [\-‐‑\h]? [\dXx] )
              |
                # Without the prefix: an ISBN-13, or an ISBN-10 in its four hyphenated groups.
                (?<![\w\#(F.extend)\-])
                (?: 97[89] (?: [\-‐‑]? \d ){10}
                  | \d{1,5} [\-‐‑] \d{1,7} [\-‐‑] \d{1,7} [\-‐‑] [\dXx] )
            )
            (?![\w\#(F.extend)] | -\d)
            """#,
        validator: PatternChecks.isbn)

    static let creditCard = LibraryPattern(
        name: "credit_card", label: "CARD",
        summary: "Payment card numbers: 13–19 digits that pass the Luhn check, grouped like a card (4-4-4-4, 4-6-5) or, as one run of digits, starting like a known network",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend)\-.,] | \d\h)
            (?: \d{4} (?: - \d{4} ){3} (?: - \d{3} )?     # 4111-1111-1111-1111
              | \d{4} (?: \h \d{4} ){3} (?: \h \d{3} )?   # 4111 1111 1111 1111
              | \d{4} \h \d{6} \h \d{4,5}                 # American Express 3782 822463 10005, Diners
              | \d{4} - \d{6} - \d{4,5}
              | \d{13,19} )
            (?![\w\#(F.extend)] | [\-.,]\d)
            """#,
        validator: PatternChecks.creditCard)

    static let phone = LibraryPattern(
        name: "phone", label: "PHONE",
        summary: "Telephone numbers: international (+CC …), North American, and national numbers with a trunk 0; optional extension",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend)+.,/\-] | \d[\h.\-])
            (?:
                # International: +44 20 7946 0958, +1 (202) 555-0143, +33 (0)4 00 00 00 00
                (?: \+ [1-9] \d{0,2} | \( \+ [1-9] \d{0,2} \) )     # +44 or (+44)
                (?: \h? \(0\) \d{1,5} )?
                (?: [\h.\-] (?: \( \d{1,5} \) | \d{1,8} ) ){1,6}
              | \+ [1-9] \d{7,14}                               # +442079460958
              |
                # North America: (202) 555-0143, 202-555-0143, 202.555.0143, 1-800-555-0199
                (?: 1 [\h.\-] )? \( \d{3} \) \h? \d{3} [\h.\-] \d{4}
              | (?: 1 - )? \d{3} - \d{3} - \d{4}
              | (?: 1 \. )? \d{3} \. \d{3} \. \d{4}
              | (?: 1 \h )? \d{3} \h \d{3} \h \d{4}
              |
                # National numbers with a trunk 0: 020 7946 0958, (020) 7946 0958, 04 00 00 00 00
                (?: \( 0 \d{1,4} \) | 0 \d{1,4} ) (?: [\h\-] \d{2,8} ){1,4}
            )
            (?: \h? (?i: ext\.? | extension | x ) \h? \d{1,5} )?
            (?![\w\#(F.extend)] | [.,\-]?\d)
            """#,
        validator: PatternChecks.phone)

    // MARK: Dates and times

    static let datetime = LibraryPattern(
        name: "datetime", label: "DATETIME",
        summary: "Machine timestamps: ISO 8601 / RFC 3339 (2026-03-03T14:30:00Z, 2026-03-03 14:30), basic ISO, RFC 2822",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).:/\-])
            (?:
                [12]\d{3} - (?: 0[1-9] | 1[0-2] ) - (?: 0[1-9] | [12]\d | 3[01] )
                (?: T | \h )
                (?: [01]\d | 2[0-3] ) : [0-5]\d (?: : (?: [0-5]\d | 60 ) (?: [.,] \d{1,9} )? )?
                (?: Z | \h? (?: UTC | GMT ) | [+\-−] (?: [01]\d | 2[0-3] ) (?: :? [0-5]\d )? )?
              |
                [12]\d{3} (?: 0[1-9] | 1[0-2] ) (?: 0[1-9] | [12]\d | 3[01] )
                T (?: [01]\d | 2[0-3] ) [0-5]\d (?: [0-5]\d )? Z?
              |
                # RFC 2822 / HTTP: Tue, 03 Mar 2026 14:30:00 +0000
                (?: Mon | Tue | Wed | Thu | Fri | Sat | Sun ) , \h \#(F.day) \h \#(F.monthAbbreviation) \h [12]\d{3}
                \h (?: [01]\d | 2[0-3] ) : [0-5]\d (?: : [0-5]\d )? \h (?: [+\-]\d{4} | GMT | UTC | Z )
            )
            (?![\w\#(F.extend)] | [.:,]\d)
            """#,
        validator: PatternChecks.datetime)

    static let date = LibraryPattern(
        name: "date", label: "DATE",
        summary: "Calendar dates: ISO and numeric (2026-03-03, 3/3/26, 03.03.2026), written (Tuesday, March 3, 2026; 3rd of March 2026; Mar. 3), month and year, decades, quarters, year ranges, years after in/since/by",
        pattern: #"""
            (?x)
            (?:
                # Chinese and Japanese: 2026年3月3日, 3月3日, 2026年3月 (no spaces around them).
                (?: (?<!\d) [12]\d{3} 年 (?: 1[0-2] | 0?[1-9] ) 月 (?: (?: 3[01] | [12]\d | 0?[1-9] ) 日 )?
                  | (?<![\d年]) (?: 1[0-2] | 0?[1-9] ) 月 (?: 3[01] | [12]\d | 0?[1-9] ) 日 )
                (?![\d\#(F.extend)])
              |
                # Every other form starts a word: checked once here, not once per form, so that the
                # many positions inside words fail at once.
                (?<![\w\#(F.extend)])
                (?:
                    # Year first: 2026-03-03, 2026/3/3, 2026.03.03 (also the date of an ISO timestamp).
                    (?<![.,/\-:])
                    [12]\d{3} (?: - [01]?\d - [0-3]?\d | / [01]?\d / [0-3]?\d | \. [01]?\d \. [0-3]?\d )
                    (?= T\d | (?![\w\#(F.extend)] | [.,/\-:]\d ) )
                  |
                    # Day or month first: 03/03/2026, 3/3/26, 3.3.2026, 03-03-2026.
                    (?<![.,/\-:])
                    [0-3]?\d (?: / [0-3]?\d / (?: [12]\d{3} | \d{2} ) | \. [0-3]?\d \. [12]\d{3} | - [0-3]?\d - [12]\d{3} )
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # Month name first: Tuesday, March 3, 2026 / Mar. 3 / March 3rd / March 3-5, 2026 / March 2026.
                    (?: \#(F.weekday) ,? \h+ )?
                    \#(F.month)
                    (?: \h+ \#(F.day) \#(F.ordinalSuffix)? (?: \h? [\-–] \h? \#(F.day) \#(F.ordinalSuffix)? )?
                        (?: (?: , \h* | \h+ ) (?: [12]\d{3} | ['’]\d{2} ) )?
                      | ,? \h+ (?: of \h+ )? [12]\d{3} )
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # Day first: 3 March 2026 / 3rd of March 2026 / Tuesday 3 March / 3-5 March 2026.
                    (?<![.,/\-:])
                    (?: \#(F.weekday) ,? \h+ )?
                    \#(F.day) (?: \#(F.ordinalSuffix) (?: \h+ of )? )?
                    (?: \h? [\-–] \h? \#(F.day) \#(F.ordinalSuffix)? )?
                    \h+ \#(F.month) (?: ,? \h+ (?: [12]\d{3} | ['’]\d{2} ) )?
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # 3-Mar-2026, 03-Mar-26.
                    (?<![.,/\-:])
                    \#(F.day) - \#(F.monthAbbreviation) - (?: [12]\d{3} | \d{2} )
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # Decades: 1990s, ’90s.
                    (?<![.,])
                    (?: [12]\d{2}0s | ['’]\d0s )
                    (?![\w\#(F.extend)])
                  |
                    # Quarters, halves and fiscal years: Q3 2026, H1 2026, FY2025, FY 25.
                    (?: (?: Q[1-4] | H[12] ) \h+ [12]\d{3} | FY \h? (?: [12]\d{3} | \d{2} ) )
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # Ranges of years: 1998-2004, 2024–25 (the validator checks they run forwards).
                    (?<![.,/\-:])
                    (?: 19 | 20 ) \d{2} [\-–] (?: (?: 19 | 20 ) \d{2} | \d{2} )
                    (?![\w\#(F.extend)] | [.,/\-:]\d)
                  |
                    # A year where the words before it make it one: "in 2026", "since 1998", "fiscal 2025",
                    # "early 2026", "end of 2025", "mid-2026", and the second year of "from 1998 to 2004" /
                    # "between 1990 and 2000". The words are looked for behind the year, after its digits,
                    # so that PCRE2 only starts here at a digit (each look-behind branch has a fixed length).
                    (?: 19 | 20 ) \d{2}
                    (?<= (?i) \bin[\x20\xA0]\d{4} | \bsince[\x20\xA0]\d{4} | \bby[\x20\xA0]\d{4} | \buntil[\x20\xA0]\d{4}
                        | \btill[\x20\xA0]\d{4} | \bbefore[\x20\xA0]\d{4} | \bafter[\x20\xA0]\d{4} | \bduring[\x20\xA0]\d{4}
                        | \bfrom[\x20\xA0]\d{4} | \bthrough[\x20\xA0]\d{4} | \bthroughout[\x20\xA0]\d{4} | \bbetween[\x20\xA0]\d{4}
                        | \byear[\x20\xA0]\d{4} | \bfiscal[\x20\xA0]\d{4} | \bearly[\x20\xA0]\d{4} | \blate[\x20\xA0]\d{4}
                        | \bspring[\x20\xA0]\d{4} | \bsummer[\x20\xA0]\d{4} | \bautumn[\x20\xA0]\d{4} | \bwinter[\x20\xA0]\d{4}
                        | \bend\x20of[\x20\xA0]\d{4} | \bstart\x20of[\x20\xA0]\d{4} | \bbeginning\x20of[\x20\xA0]\d{4} | \bmiddle\x20of[\x20\xA0]\d{4}
                        | \brest\x20of[\x20\xA0]\d{4}
                        | \bmid-\d{4}
                        | (?-i) (?:19|20)\d\d\x20to\x20\d{4} | (?:19|20)\d\d\x20and\x20\d{4}
                        | (?:19|20)\d\d\x20through\x20\d{4} | (?:19|20)\d\d\x20until\x20\d{4} )
                    (?![\w\#(F.extend)%‰] | [.,/\-:]\d | \h? (?i: percent | per \h? cent ) )
                )
            )
            """#,
        validator: PatternChecks.date)

    static let time = LibraryPattern(
        name: "time", label: "TIME",
        summary: "Clock times: 9:30, 09:30:15, 9:30 a.m., 5pm, 9.30pm, 17h30, 5 o'clock, 0900 GMT, noon, midnight; with a time zone (UTC, EST, +01:00)",
        pattern: #"""
            (?x)(?i)
            (?: (?<= \dT ) | (?<![\w\#(F.extend).:,/]) )
            (?:
                (?: [01]?\d | 2[0-3] ) : [0-5]\d (?: : (?: [0-5]\d | 60 ) (?: [.,] \d{1,9} )? )?
                (?: \h? (?: [ap]\.m\.? | [ap]m ) | h | \h (?-i: Uhr ) )?               # 9:30 a.m., 08:00h
              | (?: 0?[1-9] | 1[0-2] ) \. [0-5]\d \h? (?: [ap]\.m\.? | [ap]m )     # 9.30pm (British)
              | (?: [01]?\d | 2[0-3] ) \. [0-5]\d \h (?-i: Uhr )                    # 18.00 Uhr
              | (?: 0?[1-9] | 1[0-2] ) \h? (?: [ap]\.m\.? | [ap]m )               # 5 p.m.
              | (?: [01]?\d | 2[0-3] ) h [0-5]\d                                  # 17h30
              | (?: 0?[1-9] | 1[0-2] ) \h o['’]clock
              | (?: 12 \h )? (?: noon | midnight )
              | (?: [01]\d | 2[0-3] ) [0-5]\d                                     # 0900 GMT, 1730 hours
                (?= \h? (?-i: GMT | UTC | Z ) | \h (?: hours | hrs ) ) (?: \h (?: hours | hrs ) )?
            )
            (?:                                                                   # time zone
                \h? (?-i: UTC | GMT ) (?: \h? [+\-−] \h? (?: 1[0-4] | 0?\d ) (?: :? [0-5]\d )? )?
              | \h (?-i: CET | CEST | EET | EEST | WET | WEST | BST | IST | MSK | EST | EDT | CST | CDT
                     | MST | MDT | PST | PDT | AKST | AKDT | HST | AEST | AEDT | ACST | ACDT | AWST
                     | NZST | NZDT | JST | KST | HKT | SGT | SAST | ET | CT | MT | PT )
              | (?-i: Z )
              | \h? \+ (?: [01]\d | 2[0-3] ) :? [0-5]\d
              | (?<= :\d\d:\d\d ) [\-−] (?: [01]\d | 2[0-3] ) :? [0-5]\d           # -05:00 only after seconds, not a range
            )?
            (?![\w\#(F.extend)] | [.:,]\d)
            """#)

    // MARK: Quantities

    static let money = LibraryPattern(
        name: "money", label: "MONEY",
        summary: "Money amounts with a currency sign, ISO code or currency name, optional scale ($4.2 billion, €1,250.00, USD 3,400, 3.5m euros, 12 cents)",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).,$€£¥₹])
            (?:
                # A sign before the amount: $4.2 billion, US$5m, €1,250.00, £12.99, $5-million.
                (?: (?: US | A | AU | C | CA | HK | NZ | S | NT | R | MX )? \$ | \#(F.currencySign) | Rs\.? | Fr\. )
                \h? \#(F.amount) \#(F.scale)?
              |
                # A code before the amount: USD 3,400, EUR 1.2bn, CHF 40.
                \#(F.currencyCode) \h? \#(F.amount) \#(F.scale)?
              |
                # The amount first, then a sign or a code: 1.250,00 €, 500 USD, 99¢.
                \#(F.amount) \#(F.scale)? \h? (?: \#(F.currencySign) | ¢ | \#(F.currencyCode) )
              |
                # The amount first, then a currency name: 3.5m euros, 12 cents, 2 billion pounds.
                \#(F.amount)
                (?: \#(F.scale) \h+ (?: \#(F.currencyName) | (?i: pounds? | won | reais ) )
                  | \h+ \#(F.currencyName) )
            )
            (?![\w\#(F.extend)] | [.,]\d)
            """#)

    static let percent = LibraryPattern(
        name: "percent", label: "PERCENT",
        summary: "Percentages: 12.5%, -0.3 %, 40 percent, 5 per cent, 2-3%, 0.5 percentage points, ‰",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).,])
            [+\-−±]?
            (?: \d{1,3} (?: , \d{3} )+ (?: \. \d+ )? | \d+ (?: [.,] \d+ )? )
            (?: \h? [\-–] \h? [+\-−]? (?: \d{1,3} (?: , \d{3} )+ (?: \. \d+ )? | \d+ (?: [.,] \d+ )? ) )?
            \h?
            (?: % | ‰ | (?i: per \h? cent | pct | percentage [\h\-] points? ) )
            (?![\w\#(F.extend)])
            """#)

    static let ordinal = LibraryPattern(
        name: "ordinal", label: "ORDINAL",
        summary: "Ordinals: 1st, 22nd, 103rd, 11th (suffix checked), and words first…ninetieth, twenty-first, hundredth; \"second\" only after the/its/his/her/their/our/'s",
        pattern: #"""
            (?x)(?i)
            (?<![\w\#(F.extend)])                       # once for all forms: fails fast inside words
            (?:
                (?<![.,]) \d{1,9} (?: st | nd | rd | th ) (?![\w\#(F.extend)])
              |
                (?<!-)
                (?: (?: twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety ) [\-\x20]
                    (?: first | second | third | fourth | fifth | sixth | seventh | eighth | ninth )
                  | first | third | fourth | fifth | sixth | seventh | eighth | ninth | tenth
                  | eleventh | twelfth | thirteenth | fourteenth | fifteenth | sixteenth | seventeenth
                  | eighteenth | nineteenth | twentieth | thirtieth | fortieth | fiftieth | sixtieth
                  | seventieth | eightieth | ninetieth | hundredth | thousandth | millionth | billionth )
                (?![\w\#(F.extend)])
              |
                second
                (?<= \bthe\x20second | \bits\x20second | \bhis\x20second | \bher\x20second
                   | \btheir\x20second | \bour\x20second | ['’]s\x20second )
                (?![\w\#(F.extend)])
            )
            """#,
        validator: PatternChecks.ordinal)

    static let number = LibraryPattern(
        name: "number", label: "NUMBER",
        summary: "Numbers: 1,250.00, 1 250 000, 1.250,00, 12.5, -3, 1.5e6, 12 million; not digits inside words, dates, times, versions, or before %",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend).,$€£¥₹#@] | \p{L}- | \d[\-/:])
            (?: [+\-−] (?=\d) )?
            (?: \d{1,3} (?: , \d{3} )+ (?: \. \d+ )?                   # 1,250.00
              | \d{1,2} (?: , \d{2} )+ , \d{3} (?: \. \d+ )?           # 12,34,567 (Indian)
              | \d{1,3} (?: ['’] \d{3} )+ (?: \. \d+ )?                # 1'250'000 (Swiss)
              | \d{1,3} (?: \. \d{3} )+ , \d+                          # 1.250,00
              | \d{1,3} (?: \. \d{3} ){2,}                             # 1.250.000
              | \d{1,3} (?: [\x20\xA0\x{202F}] \d{3} )+ (?: [.,] \d+ )? # 1 250 000
              | \d+ (?: \. \d+ )? (?: [eE] [+\-]? \d+ )? )             # 12.5, 1e6
            (?: [\x20\xA0\-] (?i: thousand | million | billion | trillion ) | (?i: bn | mn | tn ) )?
            (?![\w\#(F.extend)%‰¢€£¥] | [.,]\d | [\-/:]\d
               | \h (?: % | ‰ | [€£¥¢] | (?i: per \h? cent | pct | percentage ) ) )
            """#)

    // MARK: Social

    static let hashtag = LibraryPattern(
        name: "hashtag", label: "HASHTAG",
        summary: "Hashtags with letters of any script (#MeToo, #東京2020); not #1, C#, &#39; or URL fragments",
        pattern: #"(?<![\w\#(F.extend)&/@#])#(?=[\p{L}\p{M}\p{N}_]*\p{L})[\p{L}\p{M}\p{N}_]{1,139}(?![\p{L}\p{M}\p{N}_\#(F.extend)])"#)

    static let mention = LibraryPattern(
        name: "mention", label: "MENTION",
        summary: "@-mentions of user names with letters of any script (@jane_doe), and fediverse handles (@user@server.social); not e-mail addresses",
        pattern: #"""
            (?x)
            (?<![\w\#(F.extend)@.+\-/])
            @ (?= [\p{L}\p{M}\p{N}_]* \p{L} ) [\p{L}_] [\p{L}\p{M}\p{N}_]{0,49}
            (?: @ \#(F.label) (?: \. \#(F.label) )+ )?        # fediverse: @user@mastodon.social
            (?![\p{L}\p{M}\p{N}_@\#(F.extend)])
            """#)
}
