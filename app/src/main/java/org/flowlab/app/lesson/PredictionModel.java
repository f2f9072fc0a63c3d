package org.flowlab.app.lesson;

import java.util.Locale;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowlab.lessons.Prediction;
import org.flowlab.lessons.check.Numbers;
import org.flowlab.lessons.check.Watcher;

/**
 * One prediction of the open step: the learner's answer while it is being made, then committed (fixed), then
 * revealed when the run reaches its observation time. Toolkit-free.
 */
public final class PredictionModel {
  private final Prediction prediction;
  private final StringProperty answer = new SimpleStringProperty("");
  private final BooleanProperty committed = new SimpleBooleanProperty(false);
  private final StringProperty problem = new SimpleStringProperty(null);
  private final ObjectProperty<Reveal> reveal = new SimpleObjectProperty<>(null);

  PredictionModel(Prediction prediction) {
    this.prediction = prediction;
  }

  public Prediction prediction() {
    return prediction;
  }

  /** A choice's key ({@code b}) or a number as typed ({@code 80}, {@code 80 litres}). */
  public StringProperty answerProperty() {
    return answer;
  }

  public BooleanProperty committedProperty() {
    return committed;
  }

  public boolean committed() {
    return committed.get();
  }

  /** Why the answer cannot be committed (no choice made, not a number); null when it can. */
  public StringProperty problemProperty() {
    return problem;
  }

  public ObjectProperty<Reveal> revealProperty() {
    return reveal;
  }

  /** The unit written after a numeric field, or "". */
  public String unit() {
    return prediction instanceof Prediction.Numeric n ? n.unit() : "";
  }

  /** Checks the answer; true (and fixed) when it is a valid answer. */
  boolean commit() {
    if (committed.get()) {
      return true;
    }
    String a = answer.get() == null ? "" : answer.get().strip();
    switch (prediction) {
      case Prediction.Choice c -> {
        if (c.options().stream().noneMatch(o -> o.key().equals(a))) {
          problem.set("Choose one answer first.");
          return false;
        }
      }
      case Prediction.Numeric n -> {
        if (parse(a).isEmpty()) {
          problem.set("Type a number" + (n.unit().isEmpty() ? "" : " (in " + n.unit() + ")") + ", such as 42.");
          return false;
        }
      }
    }
    answer.set(a);
    problem.set(null);
    committed.set(true);
    return true;
  }

  /** Restores an answer committed in an earlier session. */
  void restore(String saved) {
    answer.set(saved);
    problem.set(null);
    committed.set(true);
  }

  boolean correct() {
    return switch (prediction) {
      case Prediction.Choice c -> c.isCorrect(answer.get());
      case Prediction.Numeric n -> parse(answer.get()).stream().anyMatch(n::isCorrect);
    };
  }

  /** The moment of the reveal, in step time: a numeric prediction's observation time, else the end of the run. */
  boolean due(Watcher.State state) {
    if (prediction instanceof Prediction.Numeric n && n.observe().isPresent()) {
      return state.finished() || state.stepNanos() >= n.observe().get().at().nanos() && state.reading(n.id()).isPresent();
    }
    return state.finished();
  }

  /** Reveals the answer (once) if it is committed and the run has got to its observation time. */
  void update(Watcher.State state) {
    if (!committed.get() || reveal.get() != null || !due(state)) {
      return;
    }
    boolean right = correct();
    String shown = switch (prediction) {
      case Prediction.Choice c -> "The answer is " + c.correct().key() + ": " + c.correct().text();
      case Prediction.Numeric n -> {
        OptionalDouble seen = state.reading(n.id());
        String answer = "The answer is " + n.describeAnswer() + ".";
        if (seen.isEmpty()) {
          yield answer;
        }
        String value = Numbers.format(seen.getAsDouble()) + unitSuffix(n);
        // The learner may have changed the model before the observation: then this run differs from the question's.
        yield n.isCorrect(seen.getAsDouble()) ? answer + " The run shows " + value + "."
            : answer + " This run shows " + value + ", with the changes made during it.";
      }
    };
    reveal.set(new Reveal(right, (right ? "Right. " : "Not quite. ") + shown, prediction.explain()));
  }

  /** A fresh run: the answer stays committed, the reveal waits for the new run. */
  void rerun() {
    reveal.set(null);
  }

  private static String unitSuffix(Prediction.Numeric n) {
    return n.unit().isEmpty() ? "" : " " + n.unit();
  }

  /** The number at the start of {@code text} ({@code 80}, {@code 80 litres}, {@code 1,5}); empty when none. */
  static OptionalDouble parse(String text) {
    if (text == null) {
      return OptionalDouble.empty();
    }
    String t = text.strip().replace(',', '.').toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(t);
    if (!m.find()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(m.group()));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
