package org.flowlab.lessons.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flowlab.engine.expr.Expression;
import org.flowlab.engine.expr.ExpressionException;
import org.flowlab.engine.expr.Functions;
import org.flowlab.engine.expr.Scope;
import org.flowlab.engine.expr.Variables;

/**
 * Reads the checkpoint language. The outer layer is handled here: an optional {@code always}/{@code eventually}
 * in front, the modifiers {@code for D}, {@code within D}, {@code after T} and {@code while COND} after the
 * condition (outside parentheses, in any order, each at most once), and the windows {@code agg(x) over D}. The
 * pieces in between are handed to the engine's expression parser and checker.
 *
 * <p>Columns stay exact: each piece is compiled as the whole text with everything outside it blanked, and a window
 * is replaced in place by a hidden variable padded with spaces to its written width.
 */
final class ConditionParser {
    static final Set<String> MODIFIERS = Set.of("for", "within", "after", "while");
    private static final String EXAMPLE = "e.g. api.queue_depth < 50 for 30s";

    private final String text;
    private final List<Scanner.Token> tokens;
    private final Collection<String> metrics;
    private int windowCount;

    private ConditionParser(String text, Collection<String> metrics) {
        this.text = text;
        this.tokens = Scanner.scan(text);
        this.metrics = metrics;
    }

    static Condition condition(String text, Collection<String> metrics) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the condition is empty", 1, "write a condition, " + EXAMPLE);
        }
        return new ConditionParser(text, metrics).condition();
    }

    static Formula formula(String text, Collection<String> metrics) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the value to observe is empty", 1,
                    "write a metric or a formula, e.g. avg(api.queue_depth) over 30s");
        }
        ConditionParser p = new ConditionParser(text, metrics);
        for (Scanner.Token t : p.tokens) {
            if (t.kind() == Scanner.Kind.WORD && (MODIFIERS.contains(t.text()) || isPrefix(t))) {
                throw new ExpressionException("'" + t.text() + "' has no meaning in an observed value", t.column(),
                        "an observed value is a number; say when it is measured with at: (e.g. at: 60s)");
            }
        }
        return p.formula(0, p.tokens.size(), null);
    }

    private static boolean isPrefix(Scanner.Token t) {
        return t.isWord("always") || t.isWord("eventually");
    }

    private Condition condition() {
        int pos = 0;
        Form prefix = null;
        Scanner.Token first = tokens.get(0);
        if (isPrefix(first)) {
            prefix = first.isWord("always") ? Form.ALWAYS : Form.EVENTUALLY;
            pos = 1;
        }
        List<Integer> marks = new ArrayList<>();
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Scanner.Token t = tokens.get(i);
            switch (t.kind()) {
                case LPAREN -> depth++;
                case RPAREN -> depth = Math.max(0, depth - 1);
                case WORD -> {
                    if (MODIFIERS.contains(t.text())) {
                        if (depth > 0) {
                            throw new ExpressionException("'" + t.text() + "' cannot stand inside parentheses", t.column(),
                                    "'" + t.text() + "' applies to the whole condition: write it after the condition, "
                                            + "outside any parentheses");
                        }
                        marks.add(i);
                    } else if (isPrefix(t)) {
                        throw new ExpressionException("'" + t.text() + "' must come first", t.column(),
                                "write " + t.text() + " CONDITION, e.g. " + t.text() + " api.queue_depth < 50");
                    }
                }
                default -> {
                }
            }
        }
        int condEnd = marks.isEmpty() ? tokens.size() : marks.get(0);
        if (condEnd == pos) {
            if (pos < tokens.size()) {
                Scanner.Token kw = tokens.get(pos);
                throw new ExpressionException("expected a condition before '" + kw.text() + "'", kw.column(),
                        "write the condition first, " + EXAMPLE);
            }
            throw new ExpressionException("expected a condition after '" + first.text() + "'", first.end() + 1,
                    "write " + first.text() + " CONDITION, e.g. " + first.text() + " api.queue_depth < 50");
        }
        Formula test = formula(pos, condEnd, condEnd < tokens.size() ? tokens.get(condEnd).text() : null);
        Formula guard = null;
        long hold = -1;
        long within = -1;
        long after = 0;
        Map<String, Scanner.Token> seen = new java.util.HashMap<>();
        for (int m = 0; m < marks.size(); m++) {
            int at = marks.get(m);
            int end = m + 1 < marks.size() ? marks.get(m + 1) : tokens.size();
            Scanner.Token kw = tokens.get(at);
            if (seen.containsKey(kw.text())) {
                throw new ExpressionException("'" + kw.text() + "' appears twice (first at column "
                        + seen.get(kw.text()).column() + ")", kw.column(), "each of for, within, after and while may appear once");
            }
            seen.put(kw.text(), kw);
            if (end == at + 1) {
                String what = kw.text().equals("while") ? "a condition" : "a duration such as 30s";
                throw new ExpressionException("expected " + what + " after '" + kw.text() + "'", kw.end() + 1,
                        kw.text().equals("while") ? "write while CONDITION, e.g. while users.rate >= 150"
                                : "write " + kw.text() + " 30s (units: ms, s, min, h)");
            }
            String next = end < tokens.size() ? tokens.get(end).text() : null;
            switch (kw.text()) {
                case "for" -> hold = duration(at + 1, end, "for", false);
                case "within" -> within = duration(at + 1, end, "within", false);
                case "after" -> after = duration(at + 1, end, "after", true);
                default -> guard = formula(at + 1, end, next);
            }
        }
        if (prefix != null && (hold >= 0 || within >= 0)) {
            Scanner.Token kw = seen.getOrDefault("for", seen.get("within"));
            throw new ExpressionException("'" + first.text() + "' and '" + kw.text() + "' do not combine", kw.column(),
                    "write either " + first.text() + " CONDITION or CONDITION " + kw.text() + " D");
        }
        if (hold >= 0 && within >= 0) {
            Scanner.Token later = seen.get("for").start() > seen.get("within").start() ? seen.get("for") : seen.get("within");
            throw new ExpressionException("'for' and 'within' do not combine", later.column(),
                    "use 'for D' (held for a stretch of D) or 'within D' (true at some point before a deadline)");
        }
        Form form = prefix != null ? prefix : hold >= 0 ? Form.FOR : within >= 0 ? Form.WITHIN : Form.AT_END;
        long span = hold >= 0 ? hold : Math.max(within, 0);
        return new Condition(text.strip(), form, test, guard, span, after);
    }

    /** The duration written in tokens [from, to): a number with a unit (a bare number is seconds). */
    private long duration(int from, int to, String keyword, boolean zeroAllowed) {
        for (int i = from; i < to; i++) {
            Scanner.Token t = tokens.get(i);
            if (t.kind() == Scanner.Kind.WORD || t.kind() == Scanner.Kind.QUOTED) {
                throw new ExpressionException("after '" + keyword + "' comes a duration, not '" + t.text() + "'",
                        t.column(), "write a number with a unit, such as " + keyword + " 30s (units: ms, s, min, h)");
            }
        }
        String masked = mask(tokens.get(from).start(), tokens.get(to - 1).end());
        Expression e = compile(masked, Scope.of(List.of(), Functions.standard()), to);
        double seconds = e.evaluate(Variables.of(Map.of(), 0));
        int col = tokens.get(from).column();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            throw new ExpressionException("the duration after '" + keyword + "' is not a time of 0 or more", col,
                    "write a duration such as 30s");
        }
        if (seconds == 0 && !zeroAllowed) {
            throw new ExpressionException("the duration after '" + keyword + "' is 0", col,
                    "write a duration longer than 0, such as " + keyword + " 30s");
        }
        if (seconds > 1e9) {
            throw new ExpressionException("the duration after '" + keyword + "' is longer than the lab can run", col,
                    "write a duration of at most a few days");
        }
        return Math.round(seconds * 1e9);
    }

    /** The formula in tokens [from, to), followed by the keyword {@code next} (or the end when null). */
    private Formula formula(int from, int to, String next) {
        int startOff = tokens.get(from).start();
        int endOff = tokens.get(to - 1).end();
        List<WindowSpec> windows = new ArrayList<>();
        List<int[]> replaced = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Scanner.Token t = tokens.get(i);
            if (t.isWord("over")) {
                throw new ExpressionException("'over' must follow a window such as max(x)", t.column(),
                        "write max(api.p99_s) over 30s; windows are min, max, avg and delta");
            }
            if (t.kind() != Scanner.Kind.WORD || i + 1 >= to || tokens.get(i + 1).kind() != Scanner.Kind.LPAREN) {
                continue;
            }
            int close = matching(i + 1, to);
            Optional<Aggregate> agg = Aggregate.of(t.text());
            boolean over = close >= 0 && close + 1 < to && tokens.get(close + 1).isWord("over");
            if (over) {
                if (agg.isEmpty()) {
                    throw new ExpressionException("'" + t.text() + "(...) over' is not a window", t.column(),
                            "windows are min(x) over D, max(x) over D, avg(x) over D and delta(x) over D");
                }
                WindowSpec w = window(agg.get(), i, close, to);
                windows.add(w);
                replaced.add(new int[] {t.start(), tokens.get(close + 2).end(), windows.size() - 1});
                i = close + 2;
                continue;
            }
            if (agg.isPresent() && (agg.get() == Aggregate.AVG || agg.get() == Aggregate.DELTA)) {
                throw new ExpressionException(t.text() + "(...) needs a window", t.column(),
                        "write " + t.text() + "(x) over 30s: " + agg.get().meaning() + " of the last 30 s");
            }
            if (agg.isPresent() && close >= 0 && oneArgument(i + 1, close)) {
                throw new ExpressionException(t.text() + "(x) with one value needs a window", t.column(),
                        "write " + t.text() + "(x) over 30s for " + agg.get().meaning() + " of the last 30 s; "
                                + t.text() + "(a, b) compares values");
            }
        }
        List<String> hidden = new ArrayList<>();
        char[] out = mask(startOff, endOff).toCharArray();
        for (int[] r : replaced) {
            WindowSpec w = windows.get(r[2]);
            Arrays.fill(out, r[0], r[1], ' ');
            w.name().getChars(0, w.name().length(), out, r[0]);
            hidden.add(w.name());
        }
        Expression e = compile(new String(out), scope(hidden), to);
        return new Formula(text.substring(startOff, endOff), e, windows);
    }

    private WindowSpec window(Aggregate agg, int nameAt, int close, int to) {
        Scanner.Token name = tokens.get(nameAt);
        Scanner.Token overWord = tokens.get(close + 1);
        if (close + 2 >= to) {
            throw new ExpressionException("expected a duration after 'over'", overWord.end() + 1,
                    "write the window's length, such as over 30s");
        }
        Scanner.Token d = tokens.get(close + 2);
        if (d.kind() != Scanner.Kind.NUMBER) {
            throw new ExpressionException("expected a duration after 'over', found '" + d.text() + "'", d.column(),
                    "a window's length is a number with a unit: over 30s, over 2min");
        }
        long span = duration(close + 2, close + 3, "over", false);
        if (close == nameAt + 2) {
            throw new ExpressionException(name.text() + "() needs a value inside the parentheses", name.column(),
                    "write " + name.text() + "(api.queue_depth) over 30s");
        }
        int depth = 0;
        for (int k = nameAt + 2; k < close; k++) {
            Scanner.Token t = tokens.get(k);
            if (t.isWord("over")) {
                throw new ExpressionException("windows cannot be nested", t.column(),
                        "a window reads the samples of a metric or a formula of metrics; take one window at a time");
            }
            depth += t.kind() == Scanner.Kind.LPAREN ? 1 : t.kind() == Scanner.Kind.RPAREN ? -1 : 0;
            if (depth == 0 && t.kind() == Scanner.Kind.COMMA) {
                throw new ExpressionException(name.text() + "(...) over D takes one value", t.column(),
                        "write " + name.text() + "(x) over 30s; to compare two windows, write two of them");
            }
        }
        String innerMasked = mask(tokens.get(nameAt + 2).start(), tokens.get(close - 1).end());
        Expression inner = compile(innerMasked, scope(List.of()), close);
        String written = text.substring(name.start(), d.end());
        return new WindowSpec("__w" + windowCount++, agg, inner, span, written);
    }

    /** Index of the ')' closing the '(' at {@code open}, or -1 when it is not closed before {@code to}. */
    private int matching(int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            Scanner.Kind k = tokens.get(i).kind();
            if (k == Scanner.Kind.LPAREN) {
                depth++;
            } else if (k == Scanner.Kind.RPAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private boolean oneArgument(int open, int close) {
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Scanner.Kind k = tokens.get(i).kind();
            depth += k == Scanner.Kind.LPAREN ? 1 : k == Scanner.Kind.RPAREN ? -1 : 0;
            if (depth == 0 && k == Scanner.Kind.COMMA) {
                return false;
            }
        }
        return true;
    }

    /** The whole text with everything outside [start, end) replaced by spaces, so columns stay as written. */
    private String mask(int start, int end) {
        char[] out = new char[text.length()];
        Arrays.fill(out, ' ');
        text.getChars(start, end, out, start);
        for (int i = start; i < end; i++) {
            if (out[i] == '\n' || out[i] == '\r' || out[i] == '\t') {
                out[i] = ' ';
            }
        }
        return new String(out);
    }

    /**
     * Compiles one masked piece. An error "at the end of the expression" really sits where the next keyword (or
     * the end of the piece) is: say so.
     */
    private Expression compile(String masked, Scope scope, int nextToken) {
        try {
            return Expression.compile(masked, scope);
        } catch (ExpressionException e) {
            if (nextToken < tokens.size() && e.column() > tokens.get(nextToken).start()) {
                Scanner.Token next = tokens.get(nextToken);
                String reason = e.reason().replace("the end of the expression", "'" + next.text() + "'");
                throw new ExpressionException(reason, next.column(), e.hint());
            }
            throw e;
        }
    }

    private Scope scope(Collection<String> hidden) {
        Set<String> known = new HashSet<>(metrics);
        Set<String> extra = Set.copyOf(hidden);
        List<String> sorted = List.copyOf(new TreeSet<>(metrics));
        return new Scope() {
            @Override
            public boolean has(String name) {
                return known.contains(name) || extra.contains(name);
            }

            @Override
            public Collection<String> names() {
                return sorted;
            }

            @Override
            public Functions functions() {
                return Functions.standard();
            }
        };
    }
}
