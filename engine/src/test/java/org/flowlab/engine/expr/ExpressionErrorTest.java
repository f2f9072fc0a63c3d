package org.flowlab.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of error the language reports, with its column and its plain message. */
class ExpressionErrorTest {
    private static final Scope SCOPE = Scope.of(List.of("level", "leak", "leak_rate", "inflow", "tub.level", "x"), Functions.standard());

    private static ExpressionException error(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.compile(text, SCOPE), text);
    }

    @Test
    void theExampleFromTheBrief() {
        ExpressionException e = error("level + max(x, 2 3)");
        assertEquals("expected ')' after the arguments of max", e.reason());
        assertEquals(18, e.column());
        assertEquals("expected ')' after the arguments of max at column 18; separate arguments with ','; found the number 3",
                e.getMessage());
    }

    /** Lexical errors: characters, numbers, units, names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "level $ 2            ; 7  ; '$' cannot appear in an expression",
            "level && x           ; 7  ; '&&' is not an operator",
            "level || x           ; 7  ; '||' is not an operator",
            "!level               ; 1  ; '!' is not an operator",
            "level = 2            ; 7  ; a single '=' is not an operator",
            "2 ** 3               ; 3  ; '**' is not an operator",
            "x % 2                ; 3  ; '%' must follow a number",
            "'level'              ; 1  ; quotes are not used in expressions",
            "1.2.3                ; 1  ; '1.2.3' is not a number",
            "1e+                  ; 1  ; the number '1e+' has no digits after its exponent",
            "5kg                  ; 2  ; unknown unit 'kg' after the number 5",
            "2x + 1               ; 2  ; unknown unit 'x' after the number 2",
            "tub. + 1             ; 1  ; the name 'tub.' ends with a dot",
            "`api-gw              ; 1  ; the backquoted name is not closed",
            "`a b`                ; 1  ; the backquoted name `a b` is not a valid name",
    })
    void lexical(String text, int column, String reason) {
        ExpressionException e = error(text.strip());
        assertEquals(reason, e.reason());
        assertEquals(column, e.column());
    }

    /** Syntax errors: missing operands, parentheses, arguments, trailing tokens, chained comparisons. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "level +              | 8  | expected a number, a name, '(' or a function call after '+', found the end of the expression",
            "* 2                  | 1  | expected a number, a name, '(' or a function call, found '*'",
            "level * / 2          | 9  | expected a number, a name, '(' or a function call after '*', found '/'",
            "(level + 1           | 11 | expected ')' to close the '(' at column 1, found the end of the expression",
            "(level + 1 x)        | 12 | expected ')' to close the '(' at column 1, found the name 'x'",
            "level + 1)           | 10 | ')' has no '(' to close",
            "max(level, 1         | 13 | expected ')' after the arguments of max",
            "max(level,)          | 11 | expected a number, a name, '(' or a function call after ',', found ')'",
            "max(, 1)             | 5  | expected a number, a name, '(' or a function call after '(', found ','",
            "level 2              | 7  | unexpected the number 2 after a complete expression",
            "200 ms               | 5  | unexpected the name 'ms' after a complete expression",
            "1 < x < 3            | 7  | comparisons cannot be chained ('<' then '<')",
            "if level             | 4  | expected '(' after 'if', found the name 'level'",
            "if(x, 1)             | 1  | if takes 3 arguments (condition, then, else); got 2",
            "time(3)              | 5  | 'time' is not a function",
            "()                   | 2  | expected a number, a name, '(' or a function call after '(', found ')'",
            "not                  | 4  | expected a number, a name, '(' or a function call after 'not', found the end of the expression",
    })
    void syntax(String text, int column, String reason) {
        ExpressionException e = error(text.strip());
        assertEquals(reason, e.reason());
        assertEquals(column, e.column());
    }

    @Test
    void emptyText() {
        for (String text : new String[] {"", "   "}) {
            ExpressionException e = error(text);
            assertEquals("the expression is empty", e.reason());
            assertEquals(1, e.column());
        }
    }

    @Test
    void aUnitSeparatedFromItsNumberGetsAHint() {
        assertEquals("a unit goes right after its number (200ms, 5/s); to multiply, write 200*ms", error("200 ms").hint());
    }

    /** Check errors: names and functions the scope does not know, argument counts. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "levl * 2             | 1  | unknown name 'levl'             | did you mean 'level'?",
            "1 + lea              | 5  | unknown name 'lea'              | did you mean one of: leak, leak_rate?",
            "tub.levle            | 1  | unknown name 'tub.levle'        | did you mean 'tub.level'?",
            "zzz                  | 1  | unknown name 'zzz'              | 'known names: inflow, leak, leak_rate, level, tub.level, x'",
            "mx(1, 2)             | 1  | unknown function 'mx'           | did you mean 'max'?",
            "sqr(2)               | 1  | unknown function 'sqr'          | did you mean 'sqrt'?",
            "level(2)             | 1  | 'level' is a value, not a function | 'to multiply, write level*(...)'",
            "max + 1              | 1  | 'max' is a function, not a value  | 'call it with its arguments: max(a, b, ...)'",
            "max(1)               | 1  | max takes at least 2 arguments; got 1 | 'write max(a, b, ...)'",
            "abs(1, 2)            | 1  | abs takes 1 argument; got 2     | write abs(x)",
            "clamp(x, 1)          | 1  | clamp takes 3 arguments; got 2  | 'write clamp(x, lo, hi)'",
            "ramp(1)              | 1  | ramp takes 2 or 3 arguments; got 1 | 'write ramp(slope, start[, end])'",
            "1 + abs(max(1))      | 9  | max takes at least 2 arguments; got 1 | 'write max(a, b, ...)'",
    })
    void check(String text, int column, String reason, String hint) {
        ExpressionException e = error(text.strip());
        assertEquals(reason.strip(), e.reason());
        assertEquals(column, e.column());
        assertEquals(hint.strip(), e.hint());
    }
}
