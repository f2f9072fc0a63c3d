package org.flowlab.app.canvas;

/** A rectangle on the canvas. */
record Box(double x, double y, double w, double h) {
  double right() {
    return x + w;
  }

  double bottom() {
    return y + h;
  }

  double cx() {
    return x + w / 2;
  }

  double cy() {
    return y + h / 2;
  }
}
