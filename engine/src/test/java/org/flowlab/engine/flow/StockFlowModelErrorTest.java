package org.flowlab.engine.flow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Models that cannot run say why, naming the element, the field and (in an expression) the column. */
class StockFlowModelErrorTest {

    private static List<ElementProblem> problems(Element... elements) {
        StockFlowException e = assertThrows(StockFlowException.class,
                () -> StockFlowConfig.of("m", 0.1, Integrator.EULER, elements));
        return e.problems();
    }

    private static ElementProblem problem(Element... elements) {
        List<ElementProblem> p = problems(elements);
        assertEquals(1, p.size(), () -> "one problem expected: " + p);
        return p.get(0);
    }

    private static final Stock LEVEL = Stock.of("level", 0);

    @Test
    void aLoopOfConvertersWithoutAStockIsNamed() {
        ElementProblem p = problem(LEVEL,
                new Converter("a", "b + 1"),
                new Converter("b", "c * 2"),
                new Converter("c", "a - level"),
                new Flow("f", null, "level", "a"));
        assertEquals("a", p.element());
        assertEquals("a loop with no stock in it: a → c → b → a", p.message());
        assertTrue(p.hint().startsWith("every feedback loop needs a stock (or a delay)"), p.hint());
        StockFlowException self = assertThrows(StockFlowException.class, () -> StockFlowConfig.of("m", 0.1,
                Integrator.EULER, new Converter("x", "x + 1")));
        assertTrue(self.getMessage().startsWith("stock-and-flow part 'm': x.value: a loop with no stock in it: x → x;"),
                self.getMessage());
    }

    @Test
    void aLoopThroughAFlowIsStillALoop() {
        ElementProblem p = problem(LEVEL,
                new Converter("half", "f / 2"),
                new Flow("f", null, "level", "half + 1"));
        assertEquals("a loop with no stock in it: f → half → f", p.message());
    }

    @Test
    void loopsThroughStocksAndDelaysAreFine() {
        assertDoesNotThrow(() -> StockFlowConfig.of("m", 0.1, Integrator.EULER, LEVEL,
                new Converter("gap", "10 - level"),
                new Flow("f", null, "level", "gap / 2")));
        assertDoesNotThrow(() -> StockFlowConfig.of("m", 0.1, Integrator.EULER,
                new Converter("a", "delay1(b, 2, 0)"),
                new Converter("b", "a + 1")));
        assertDoesNotThrow(() -> StockFlowConfig.of("m", 0.1, Integrator.EULER,
                new Converter("a", "delay(b, 2, 0)"),
                new Converter("b", "a + 1")));
    }

    @Test
    void aDelayInALoopNeedsAnInitialValue() {
        ElementProblem p = problem(new Converter("a", "delay1(b, 2)"), new Converter("b", "a + 1"));
        assertEquals("a", p.element());
        assertEquals("value", p.field());
        assertEquals(1, p.column());
        assertEquals("delay1 at column 1 of a.value starts from its input, but its input depends on its own output: "
                + "a → b → delay1 in a → a", p.message());
        assertEquals("give it an initial value: delay1(input, delay_time, initial)", p.hint());
    }

    @Test
    void expressionErrorsKeepTheirColumn() {
        ElementProblem p = problem(LEVEL, new Flow("drain", "level", null, "levl / 4"));
        assertEquals("drain", p.element());
        assertEquals("rate", p.field());
        assertEquals(1, p.column());
        assertEquals("unknown name 'levl'", p.message());
        assertEquals("did you mean 'level'?", p.hint());
        assertEquals("drain.rate: unknown name 'levl' at column 1; did you mean 'level'?", p.render());

        ElementProblem syntax = problem(LEVEL, new Flow("drain", "level", null, "max(level, 2 3)"));
        assertEquals(14, syntax.column());
        assertEquals("expected ')' after the arguments of max", syntax.message());

        ElementProblem inDelay = problem(LEVEL, new Flow("drain", "level", null, "1 + delay1(levle, 3)"));
        assertEquals(12, inDelay.column());
        assertEquals("unknown name 'levle'", inDelay.message());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ElementProblem> p = problems(LEVEL,
                new Flow("a", "level", null, "lvel"),
                new Flow("b", "level", null, "1 +"),
                new Converter("c", "mx(1, 2)"));
        assertEquals(List.of("a", "b", "c"), p.stream().map(ElementProblem::element).toList());
    }

    @Test
    void ownPartPrefixIsTheLocalNameAndOtherPrefixesReadOtherParts() {
        StockFlowConfig c = StockFlowConfig.of("tub", 0.1, Integrator.EULER, LEVEL,
                new Flow("drain", "level", null, "tub.level / 4 + api.queue_depth"));
        assertEquals(List.of("api.queue_depth"),
                org.flowlab.engine.flow.internal.FlowModel.compile("tub", 0.1, c.elements()).externals());
        ElementProblem p = problem(LEVEL, new Flow("drain", "level", null, "m.levle"));
        assertEquals("unknown name 'm.levle'", p.message());
        assertEquals("did you mean 'm.level'?", p.hint());
    }

    @Test
    void flowsMustConnectStocks() {
        ElementProblem p = problem(LEVEL, new Flow("f", "levl", null, "1"));
        assertEquals("f.from: there is no stock called 'levl'; did you mean 'level'?", p.render());
        ElementProblem conv = problem(LEVEL, new Converter("gap", "1"), new Flow("f", null, "gap", "1"));
        assertEquals("f.to: 'gap' is a converter, not a stock; a flow runs between stocks (or clouds); read 'gap' in "
                + "the rate instead", conv.render());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new Flow("f", null, " ", "1"));
        assertEquals("flow 'f' connects no stock; give it 'from', 'to' or both", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Flow("f", "a", "a", "1"));
    }

    @Test
    void namesAreUniqueAndNotReserved() {
        assertEquals("level.name: two elements are called 'level' (a stock and a converter); give each element its own name",
                problem(LEVEL, new Converter("level", "1")).render());
        assertEquals("time.name: 'time' is a word of the expression language; choose another name, such as time_value",
                problem(new Converter("time", "1")).render());
        assertEquals("max.name: 'max' is the name of a function; choose another name, such as max_value",
                problem(new Converter("max", "1")).render());
        assertEquals("delay1.name: 'delay1' is the name of a function; choose another name, such as delay1_value",
                problem(new Converter("delay1", "1")).render());
        assertEquals("tub_spill.name: 'tub_spill' is already the name of the spill flow of stock 'tub'; choose another name",
                problem(new Stock("tub", 0, 10, true), new Converter("tub_spill", "1")).render());
        assertThrows(IllegalArgumentException.class, () -> new Converter("tub.level", "1"));
        assertThrows(IllegalArgumentException.class, () -> new Converter("api-gw", "1"));
    }

    @Test
    void delayTimesThatOnlyReadConstantsAreCheckedBeforeTheRun() {
        ElementProblem p = problem(new Constant("lag", 0.05), new Converter("late", "delay(time, lag)"));
        assertEquals("late.value: the delay time of delay at column 1 of late.value is 0.05s, shorter than one step "
                + "(dt = 0.1s) at column 1; a pure delay lasts at least one step", p.render());
        ElementProblem zero = problem(new Delay("d", DelayKind.DELAY1, "1", "0", null));
        assertEquals("d.time: the delay time of delay 'd' is 0s; a delay time must be positive", zero.render());
        ElementProblem arity = problem(new Converter("late", "delay1(time)"));
        assertEquals("late.value: delay1 takes 2 or 3 arguments; got 1 at column 1; write delay1(input, delay_time) or "
                + "delay1(input, delay_time, initial)", arity.render());
    }

    @Test
    void elementValuesAreCheckedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Stock("s", -1, 10, true));
        assertThrows(IllegalArgumentException.class, () -> new Stock("s", 11, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new Stock("s", 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Stock("s", Double.NaN, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new Constant("c", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Converter("c", " "));
        assertThrows(IllegalArgumentException.class, () -> StockFlowConfig.dtOf(1e-10));
        assertThrows(IllegalArgumentException.class, () -> StockFlowConfig.dtOf(0.1 + 1e-12));
        assertEquals(100_000_000, StockFlowConfig.dtOf(0.1).nanos());
        assertEquals(1, StockFlowConfig.dtOf(1e-9).nanos());
    }
}
