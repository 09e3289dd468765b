namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// M. F. Porter's 1980 suffix-stripping algorithm for English, so "shipping", "shipped" and "ships" meet
/// at "ship". Works on lowercase ASCII words; anything else is returned unchanged.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || word.Any(c => c is < 'a' or > 'z')) return word;
        var w = new Word(word);
        w.Step1a(); w.Step1b(); w.Step1c(); w.Step2(); w.Step3(); w.Step4(); w.Step5();
        return w.ToString();
    }

    sealed class Word(string s)
    {
        char[] b = s.ToCharArray();
        int k = s.Length - 1; // last index of the current stem
        int j;                // end of the stem before a tested suffix

        public override string ToString() => new(b, 0, k + 1);

        bool Cons(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        /// <summary>The measure m of b[0..j]: the number of vowel-consonant sequences.</summary>
        int M()
        {
            int n = 0, i = 0;
            while (true) { if (i > j) return n; if (!Cons(i)) break; i++; }
            i++;
            while (true)
            {
                while (true) { if (i > j) return n; if (Cons(i)) break; i++; }
                i++; n++;
                while (true) { if (i > j) return n; if (!Cons(i)) break; i++; }
                i++;
            }
        }

        bool VowelInStem() { for (var i = 0; i <= j; i++) if (!Cons(i)) return true; return false; }

        bool DoubleC(int i) => i >= 1 && b[i] == b[i - 1] && Cons(i);

        /// <summary>consonant-vowel-consonant ending at i, the last not w, x or y (hop → hope).</summary>
        bool Cvc(int i) => i >= 2 && Cons(i) && !Cons(i - 1) && Cons(i - 2) && b[i] is not ('w' or 'x' or 'y');

        bool Ends(string suffix)
        {
            var l = suffix.Length;
            if (l > k + 1) return false;
            for (var i = 0; i < l; i++) if (b[k - l + 1 + i] != suffix[i]) return false;
            j = k - l;
            return true;
        }

        void SetTo(string replacement)
        {
            var needed = j + 1 + replacement.Length;
            if (needed > b.Length) Array.Resize(ref b, needed);
            for (var i = 0; i < replacement.Length; i++) b[j + 1 + i] = replacement[i];
            k = j + replacement.Length;
        }

        void R(string replacement) { if (M() > 0) SetTo(replacement); }

        public void Step1a()
        {
            if (b[k] != 's') return;
            if (Ends("sses")) k -= 2;
            else if (Ends("ies")) SetTo("i");
            else if (k >= 1 && b[k - 1] != 's') k--;
        }

        public void Step1b()
        {
            if (Ends("eed")) { if (M() > 0) k--; return; }
            if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                k = j;
                if (Ends("at")) SetTo("ate");
                else if (Ends("bl")) SetTo("ble");
                else if (Ends("iz")) SetTo("ize");
                else if (DoubleC(k)) { if (b[k] is not ('l' or 's' or 'z')) k--; }
                else { j = k; if (M() == 1 && Cvc(k)) SetTo("e"); }
            }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem()) b[k] = 'i';
        }

        static readonly (string From, string To)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        static readonly (string From, string To)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        static readonly string[] Step4Suffixes =
            ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

        public void Step2() { foreach (var (from, to) in Step2Rules) if (Ends(from)) { R(to); return; } }

        public void Step3() { foreach (var (from, to) in Step3Rules) if (Ends(from)) { R(to); return; } }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
            {
                if (!Ends(suffix)) continue;
                if (suffix == "ion" && !(j >= 0 && b[j] is 's' or 't')) return;
                if (M() > 1) k = j;
                return;
            }
        }

        public void Step5()
        {
            if (b[k] == 'e')
            {
                j = k - 1; // the measure of the stem before the final e
                var m = M();
                if (m > 1 || (m == 1 && !Cvc(k - 1))) k--;
            }
            if (b[k] == 'l' && DoubleC(k)) { j = k; if (M() > 1) k--; }
        }
    }
}
