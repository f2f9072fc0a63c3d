package org.flowlab.app;

import java.io.IOException;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Flowlab window. Placeholder shell until the live lab lands. */
public class FlowlabApp extends Application {

  public static final String TITLE = "Flowlab — systems thinking lab";
  public static final double WIDTH = 1280;
  public static final double HEIGHT = 800;

  @Override
  public void start(Stage stage) throws IOException {
    stage.setTitle(TITLE);
    stage.setScene(createScene(Theme.fromName(System.getProperty(Theme.PROPERTY))));
    stage.setMinWidth(900);
    stage.setMinHeight(560);
    stage.show();
  }

  /** Loads the main view into a new 1280x800 scene styled with {@code theme}. */
  public static Scene createScene(Theme theme) throws IOException {
    FXMLLoader loader = new FXMLLoader(FlowlabApp.class.getResource("MainView.fxml"));
    Parent root = loader.load();
    Scene scene = new Scene(root, WIDTH, HEIGHT);
    theme.applyTo(scene);
    loader.<MainView>getController().showTheme(theme);
    return scene;
  }
}
