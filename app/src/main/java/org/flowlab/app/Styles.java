package org.flowlab.app;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/** The one way the views tell the CSS about a state (running, paused, compact, presenting): a pseudo-class. */
final class Styles {
  private Styles() {}

  static void pseudo(Node n, String name, boolean on) {
    n.pseudoClassStateChanged(PseudoClass.getPseudoClass(name), on);
  }
}
