using System.Text;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// Turns text into search terms: lowercase, accents folded, split on anything that is not a letter or digit,
/// stopwords dropped, Porter-stemmed, and domain synonyms mapped onto one term ("parcel" and "package" meet).
/// </summary>
public static class TextAnalyzer
{
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var raw in text)
        {
            var c = Fold(char.ToLowerInvariant(raw));
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            if (c == '\'') continue; // "don't" → "dont", "customer's" → "customers"
            Flush(word, terms);
        }
        Flush(word, terms);
        return terms;
    }

    static void Flush(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0) return;
        var w = word.ToString();
        word.Clear();
        if (Stopwords.Contains(w)) return;
        var stem = PorterStemmer.Stem(w);
        terms.Add(Synonyms.TryGetValue(stem, out var canonical) ? canonical : stem);
    }

    /// <summary>Folds the Latin accents customers type into plain letters (invariant globalization has no Unicode decomposition).</summary>
    static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' => 'a',
        'ç' or 'ć' or 'č' => 'c',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'ī' => 'i',
        'ñ' or 'ń' or 'ň' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' => 'o',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' => 'u',
        'ý' or 'ÿ' => 'y',
        'ś' or 'š' => 's',
        'ź' or 'ż' or 'ž' => 'z',
        'ł' => 'l',
        'ß' => 's',
        '’' or '‘' => '\'',
        _ => c,
    };

    static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "about", "into", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has",
        "had", "having", "i", "im", "ive", "id", "me", "my", "mine", "we", "our", "us", "you", "your", "yours", "it", "its",
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why",
        "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "please", "thanks", "thank",
        "hi", "hello", "hey", "just", "also", "any", "some", "get", "got", "need", "want", "like", "know", "tell",
        "let", "one", "much", "many", "way", "able", "ok", "okay", "yes", "no", "not", "dont", "cant", "wont", "still",
        "again", "anyone", "someone", "question", "help", "u", "pls", "plz",
    };

    /// <summary>Stems of words customers use for the same thing, mapped to one term. Deliberately small and general.</summary>
    static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["parcel"] = "packag", ["box"] = "packag", ["shipment"] = "packag", ["deliveri"] = "ship", ["deliv"] = "ship",
        ["deliver"] = "ship", ["arriv"] = "ship", ["post"] = "ship", ["dispatch"] = "ship", ["send"] = "ship", ["sent"] = "ship",
        ["refund"] = "return", ["money"] = "return", ["reimburs"] = "return", ["sign"] = "login", ["log"] = "login",
        ["passwd"] = "password", ["pwd"] = "password", ["pay"] = "payment", ["paypal"] = "payment",
        ["cost"] = "price", ["fee"] = "price", ["charg"] = "price", ["open"] = "hour",
        ["broken"] = "damag", ["broke"] = "damag", ["defect"] = "damag", ["crack"] = "damag", ["faulti"] = "damag",
        ["abroad"] = "intern", ["oversea"] = "intern", ["countri"] = "intern", ["worldwid"] = "intern",
        ["voucher"] = "coupon", ["promo"] = "coupon", ["discount"] = "coupon", ["code"] = "coupon",
        ["delet"] = "remov", ["eras"] = "remov",
        ["phone"] = "call", ["telephon"] = "call", ["ring"] = "call",
        ["statu"] = "track",
        ["bill"] = "invoic", ["receipt"] = "invoic", ["vat"] = "invoic",
        ["guarante"] = "warranti", ["repair"] = "warranti",
        ["fit"] = "size", ["measur"] = "size", ["small"] = "size", ["larg"] = "size",
        ["swap"] = "exchang", ["replac"] = "exchang",
        ["abort"] = "cancel",
        ["fast"] = "long", ["quick"] = "long", ["quickli"] = "long", ["soon"] = "long",
        ["follow"] = "track", ["shop"] = "store", ["big"] = "size", ["bigger"] = "size",
        ["newslett"] = "email", ["mail"] = "email", ["unsubscrib"] = "email",
    };
}
