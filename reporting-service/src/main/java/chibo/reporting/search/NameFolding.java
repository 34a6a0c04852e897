package chibo.reporting.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese names as a search compares them: lower case, without tone or vowel marks (the combining marks NFD
 * separates) and with đ as d, words separated by one space. "Thôn Nà Héc", "THON NA HEC" and a name typed with
 * decomposed accents all fold to "thon na hec".
 */
final class NameFolding {

    private NameFolding() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                folded.appendCodePoint(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                folded.append(' ');
                space = true;
            }
        }
        int end = folded.length();
        return (end > 0 && folded.charAt(end - 1) == ' ' ? folded.substring(0, end - 1) : folded.toString())
                .toLowerCase(Locale.ROOT);
    }
}
