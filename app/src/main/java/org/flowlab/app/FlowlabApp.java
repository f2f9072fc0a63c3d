package org.flowlab.app;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.flowlab.app.files.ScenarioFiles;
import org.flowlab.engine.scenario.ScenarioLoader;

/** The Flowlab window: opens on a scenario that is already running. */
public class FlowlabApp extends Application {

  public static final String TITLE = "Flowlab";
  public static final double WIDTH = 1280;
  public static final double HEIGHT = 800;

  private ExecutorService background;
  private Lab lab;

  /** A loaded window: its scene, its controller and its view-model. */
  public record Lab(Scene scene, MainView view, MainViewModel model) {}

  @Override
  public void start(Stage stage) throws IOException {
    background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "flowlab-loader");
      t.setDaemon(true);
      return t;
    });
    MainViewModel vm = new MainViewModel(new ScenarioFiles(new ScenarioLoader()), Clock.systemUTC(), background,
        Platform::runLater, true);
    lab = createLab(Theme.fromName(System.getProperty(Theme.PROPERTY)), vm);
    stage.setTitle(TITLE);
    stage.setScene(lab.scene());
    stage.setMinWidth(960);
    stage.setMinHeight(600);
    stage.setOnHidden(e -> shutdown());
    stage.show();
    lab.view().canvas().requestFocus();
    vm.start();
  }

  @Override
  public void stop() {
    shutdown();
  }

  private void shutdown() {
    if (lab != null) {
      lab.view().stop();
      lab.model().shutdown();
    }
    if (background != null) {
      background.shutdownNow();
    }
  }

  /** Loads the main view into a new 1280×800 scene styled with {@code theme}, bound to {@code vm}. */
  public static Lab createLab(Theme theme, MainViewModel vm) throws IOException {
    FXMLLoader loader = new FXMLLoader(FlowlabApp.class.getResource("MainView.fxml"));
    Parent root = loader.load();
    Scene scene = new Scene(root, WIDTH, HEIGHT);
    theme.applyTo(scene);
    MainView view = loader.getController();
    view.bind(vm, scene, theme);
    return new Lab(scene, view, vm);
  }
}
