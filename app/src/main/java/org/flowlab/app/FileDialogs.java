package org.flowlab.app;

import java.io.File;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file choosers of the lab: open a scenario, save the open one (next to the file it came from, under its
 * name), open a folder of lessons. They start in the working folder; the view-model does the reading and writing.
 */
final class FileDialogs {
  private FileDialogs() {}

  static void open(Window owner, MainViewModel vm) {
    File f = chooser("Open a scenario").showOpenDialog(owner);
    if (f != null) {
      vm.openFile(f.toPath());
    }
  }

  static void save(Window owner, MainViewModel vm) {
    Session s = vm.session();
    if (s == null) {
      return;
    }
    FileChooser chooser = chooser("Save the scenario");
    chooser.setInitialFileName(s.source().file() != null ? s.source().file().getFileName().toString()
        : s.source().shortName() + ".yaml");
    if (s.source().file() != null && s.source().file().toAbsolutePath().getParent() != null) {
      chooser.setInitialDirectory(s.source().file().toAbsolutePath().getParent().toFile());
    }
    File f = chooser.showSaveDialog(owner);
    if (f != null) {
      vm.save(f.toPath());
    }
  }

  static void openPack(Window owner, MainViewModel vm) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a lesson pack (a folder of lessons)");
    File home = new File(System.getProperty("user.dir"));
    if (home.isDirectory()) {
      chooser.setInitialDirectory(home);
    }
    File dir = chooser.showDialog(owner);
    if (dir != null) {
      vm.openLessonPack(dir.toPath());
    }
  }

  private static FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Scenario files (*.yaml, *.yml)", "*.yaml", "*.yml"),
        new FileChooser.ExtensionFilter("All files", "*.*"));
    File home = new File(System.getProperty("user.dir"));
    if (home.isDirectory()) {
      chooser.setInitialDirectory(home);
    }
    return chooser;
  }
}
