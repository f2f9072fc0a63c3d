package org.flowlab.lessons.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a checkpoint into coarse tokens, just enough to find its structure: the temporal words outside
 * parentheses and the windows ({@code max(x) over 30s}). Everything else is left to the engine's expression
 * parser, which reports precise errors. Never throws.
 */
final class Scanner {
    enum Kind { WORD, NUMBER, LPAREN, RPAREN, COMMA, QUOTED, OTHER }

    /** A token at {@code [start, end)} of the text (0-based offsets). */
    record Token(Kind kind, String text, int start, int end) {
        int column() {
            return start + 1;
        }

        boolean isWord(String w) {
            return kind == Kind.WORD && text.equals(w);
        }
    }

    private Scanner() {
    }

    static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                i = number(s, i);
                kind = Kind.NUMBER;
            } else if (isNameStart(c)) {
                i = word(s, i);
                kind = Kind.WORD;
            } else if (c == '`') {
                int close = s.indexOf('`', i + 1);
                i = close < 0 ? s.length() : close + 1;
                kind = Kind.QUOTED;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ',' -> Kind.COMMA;
                    default -> Kind.OTHER;
                };
            }
            out.add(new Token(kind, s.substring(start, i), start, i));
        }
        return out;
    }

    private static int number(String s, int i) {
        while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E') && i + 1 < s.length()
                && (isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')) {
            i += 2;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }
        // A unit written right after the number: 30s, 200ms, 10%.
        while (i < s.length() && (isNamePart(s.charAt(i)) || s.charAt(i) == 'µ' || s.charAt(i) == '%')) {
            i++;
        }
        return i;
    }

    private static int word(String s, int i) {
        while (true) {
            while (i < s.length() && isNamePart(s.charAt(i))) {
                i++;
            }
            if (i + 1 < s.length() && s.charAt(i) == '.' && isNameStart(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
