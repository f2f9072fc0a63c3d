package org.flowlab.app;

import javafx.application.Application;

/**
 * Entry point for launching from the classpath ({@code ./flowlab app}).
 *
 * <p>It is deliberately not the {@link Application} subclass: when the main class extends
 * Application, the JDK launcher insists on JavaFX being on the module path. A plain main class
 * lets JavaFX run from {@code app/target/lib/*} on the classpath.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Application.launch(FlowlabApp.class, args);
  }
}
