package org.flowlab.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class) // fonts and text layout need the toolkit
class TypeCacheTest {
  @Test
  void theSameFontIsHandedOutAgain() {
    TypeCache type = new TypeCache();
    Font a = type.font(14.0, true);
    assertSame(a, type.font(14.0, true));
    assertNotSame(a, type.font(14.0, false));
    assertEquals(14.0, a.getSize(), 1e-9);
    assertEquals(16.8, type.font(16.8, false).getSize(), 1e-5); // fonts keep their size as a float
  }

  @Test
  void widthsAreTheTextNodesOwnAndStayBounded() {
    TypeCache type = new TypeCache();
    Font font = type.font(15, false);
    Text t = new Text("capacity 2000");
    t.setFont(font);
    assertEquals(t.getLayoutBounds().getWidth(), type.width("capacity 2000", font), 1e-9);
    assertTrue(type.width("capacity 2000", type.font(30, false)) > type.width("capacity 2000", font),
        "the width belongs to the font it was measured in");
    for (int i = 0; i < 5 * TypeCache.WIDTHS; i++) {
      type.width(i + "/s", font); // a live number: a new string every frame
    }
    assertEquals(TypeCache.WIDTHS, type.widthsKept());
  }
}
