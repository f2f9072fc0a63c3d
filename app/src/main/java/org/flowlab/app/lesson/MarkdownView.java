package org.flowlab.app.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * Renders lesson Markdown into JavaFX nodes (no WebView): paragraphs as {@link TextFlow}s with bold, italic and
 * code runs; headings, lists, quotes and code blocks as styled boxes; images from the lesson's own folder. Raw
 * HTML is shown as text, like the lesson format promises. One node per top-level block, so the presenter can reveal
 * them one at a time. Styles are classes only ({@code fl-md-*}); the theme's tokens colour them.
 */
public final class MarkdownView {
  private final Function<String, Path> assets;

  /** {@code assets} resolves an image's path within the lesson (Lesson::asset); it may throw for a bad path. */
  public MarkdownView(Function<String, Path> assets) {
    this.assets = assets;
  }

  /** One node per top-level block. */
  public List<javafx.scene.Node> blocks(String markdown) {
    List<javafx.scene.Node> out = new ArrayList<>();
    for (Node n : MarkdownBlocks.of(markdown)) {
      out.add(block(n));
    }
    return out;
  }

  /** The whole text as one box. */
  public VBox render(String markdown) {
    VBox box = new VBox();
    box.getStyleClass().add("fl-md");
    box.getChildren().setAll(blocks(markdown));
    return box;
  }

  private javafx.scene.Node block(Node n) {
    return switch (n) {
      case Paragraph p -> paragraph(p);
      case Heading h -> {
        TextFlow f = flow(h, "fl-md-h" + Math.min(3, h.getLevel()));
        f.getStyleClass().add("fl-md-heading");
        yield f;
      }
      case BulletList l -> list(l, false, 1);
      case OrderedList l -> list(l, true, l.getMarkerStartNumber() == null ? 1 : l.getMarkerStartNumber());
      case FencedCodeBlock c -> code(c.getLiteral());
      case IndentedCodeBlock c -> code(c.getLiteral());
      case BlockQuote q -> {
        VBox box = children(q);
        box.getStyleClass().add("fl-md-quote");
        yield box;
      }
      case HtmlBlock h -> code(h.getLiteral());
      case ThematicBreak t -> new Separator();
      default -> children(n);
    };
  }

  private javafx.scene.Node paragraph(Paragraph p) {
    if (p.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null) {
      return image(img);
    }
    return flow(p, "fl-md-p");
  }

  private VBox children(Node parent) {
    VBox box = new VBox();
    box.getStyleClass().add("fl-md-group");
    for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
      box.getChildren().add(block(c));
    }
    return box;
  }

  private VBox list(Node l, boolean ordered, int start) {
    VBox box = new VBox();
    box.getStyleClass().add("fl-md-list");
    int i = start;
    for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem li)) {
        continue;
      }
      Label marker = new Label(ordered ? i++ + "." : "•");
      marker.getStyleClass().add("fl-md-marker");
      marker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      VBox body = children(li);
      HBox.setHgrow(body, Priority.ALWAYS);
      HBox row = new HBox(marker, body);
      row.getStyleClass().add("fl-md-item");
      box.getChildren().add(row);
    }
    return box;
  }

  private Label code(String literal) {
    Label l = new Label(literal.stripTrailing());
    l.getStyleClass().add("fl-md-code-block");
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private javafx.scene.Node image(org.commonmark.node.Image img) {
    String alt = plain(img);
    try {
      Path p = assets.apply(img.getDestination());
      if (p != null && Files.isRegularFile(p)) {
        try (var in = Files.newInputStream(p)) {
          ImageView v = new ImageView(new Image(in));
          v.setPreserveRatio(true);
          v.setFitWidth(Math.min(420, v.getImage().getWidth()));
          v.setAccessibleText(alt);
          v.getStyleClass().add("fl-md-image");
          return v;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // fall through: the alt text stands in for a missing picture
    }
    Label l = new Label("[" + (alt.isEmpty() ? img.getDestination() : alt) + "]");
    l.getStyleClass().add("fl-md-missing");
    return l;
  }

  private TextFlow flow(Node parent, String style) {
    TextFlow f = new TextFlow();
    f.getStyleClass().add(style);
    inline(parent, f, new ArrayList<>());
    f.setAccessibleText(plain(parent));
    return f;
  }

  private void inline(Node parent, TextFlow f, List<String> styles) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
      switch (c) {
        case org.commonmark.node.Text t -> f.getChildren().add(text(t.getLiteral(), styles));
        case Code code -> f.getChildren().add(text(code.getLiteral(), with(styles, "fl-md-code")));
        case Emphasis e -> inline(e, f, with(styles, "fl-md-em"));
        case StrongEmphasis s -> inline(s, f, with(styles, "fl-md-strong"));
        case Link l -> inline(l, f, with(styles, "fl-md-link"));
        case SoftLineBreak b -> f.getChildren().add(text(" ", styles));
        case HardLineBreak b -> f.getChildren().add(text("\n", styles));
        case HtmlInline h -> f.getChildren().add(text(h.getLiteral(), styles));
        case org.commonmark.node.Image img -> f.getChildren().add(text("[" + plain(img) + "]", styles));
        default -> inline(c, f, styles);
      }
    }
  }

  private static List<String> with(List<String> styles, String s) {
    List<String> out = new ArrayList<>(styles);
    out.add(s);
    return out;
  }

  private static Text text(String s, List<String> styles) {
    Text t = new Text(s);
    t.getStyleClass().add("fl-md-text");
    t.getStyleClass().addAll(styles);
    return t;
  }

  /** The text of a node without its markup (for screen readers and image alt text). */
  static String plain(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      switch (c) {
        case org.commonmark.node.Text t -> sb.append(t.getLiteral());
        case Code code -> sb.append(code.getLiteral());
        case SoftLineBreak b -> sb.append(' ');
        case HardLineBreak b -> sb.append('\n');
        default -> sb.append(plain(c));
      }
    }
    return sb.toString();
  }
}
