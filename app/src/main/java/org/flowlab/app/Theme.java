package org.flowlab.app;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;

/** The three looks of the lab. Each is one theme stylesheet from flowlab-assets plus base.css. */
public enum Theme {
  LIGHT("Light", "theme-light.css"),
  DARK("Dark", "theme-dark.css"),
  PROJECTOR("Projector", "theme-projector.css");

  /** System property that picks the theme at start-up: light, dark or projector. */
  public static final String PROPERTY = "flowlab.theme";

  private static final String ASSETS = "/org/flowlab/assets/";

  private final String label;
  private final String file;

  Theme(String label, String file) {
    this.label = label;
    this.file = file;
  }

  /** Stylesheet URLs in load order: the theme's tokens, then base.css which uses them. */
  public List<String> stylesheets() {
    return List.of(resource(file), resource("base.css"));
  }

  /** Replaces the scene's stylesheets with this theme's. */
  public void applyTo(Scene scene) {
    scene.getStylesheets().setAll(stylesheets());
  }

  /** The theme named by {@code name} (case-insensitive), or {@link #LIGHT} if null or unknown. */
  public static Theme fromName(String name) {
    if (name != null) {
      for (Theme theme : values()) {
        if (theme.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
          return theme;
        }
      }
    }
    return LIGHT;
  }

  @Override
  public String toString() {
    return label;
  }

  private static String resource(String name) {
    URL url = Theme.class.getResource(ASSETS + name);
    return Objects.requireNonNull(url, () -> "missing stylesheet " + ASSETS + name + " (flowlab-assets on the classpath?)")
        .toExternalForm();
  }
}
