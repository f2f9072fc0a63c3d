package org.flowlab.engine.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.api.Test;

class KeyStoreTest {
  private static final long SECOND = 1_000_000_000L;

  /** Writes {@code keys[i]} at {@code times[i]} seconds and returns the store afterwards. */
  private static KeyStore play(boolean unique, long retentionSeconds, long[] keys, long[] times) {
    Simulation sim = new Simulation(1);
    KeyStore store = new KeyStore(sim, "db", new StoreConfig(unique, SimDuration.ofSeconds(retentionSeconds)));
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      sim.scheduleAt(times[i] * SECOND, 0, k -> store.write(k), key);
    }
    sim.runUntil(times[times.length - 1] * SECOND + 1);
    return store;
  }

  @Test
  void aRepeatWithinTheRetentionIsADuplicateAndAfterItIsNot() {
    KeyStore store = play(false, 10, new long[] {7, 7, 7}, new long[] {0, 5, 30});
    assertEquals(1, store.duplicates(), "the write at 5 s repeats the one at 0 s; the one at 30 s is past 10 s");
    assertEquals(3, store.writes());
    assertEquals(1, store.remembered(), "only key 7's write at 30 s is still remembered");
  }

  @Test
  void aRewriteExtendsTheMemoryOfItsKey() {
    // Written at 0, 8 and 16: each repeat is within 10 s of the previous write, though 16 is 16 s after the first.
    KeyStore store = play(false, 10, new long[] {1, 1, 1}, new long[] {0, 8, 16});
    assertEquals(2, store.duplicates());
  }

  @Test
  void theUniqueKeyTurnsRepeatsIntoNoOps() {
    KeyStore store = play(true, 10, new long[] {1, 1, 2, 1}, new long[] {0, 1, 2, 3});
    assertEquals(0, store.duplicates());
    assertEquals(2, store.prevented());
    assertEquals(2, store.writes());
  }

  /** The primitive store against the plain definition (a map of each key's latest write), on a random history. */
  @Test
  void matchesTheDefinitionOnARandomHistory() {
    SplittableRandom random = new SplittableRandom(42);
    int n = 20_000;
    long[] keys = new long[n];
    long[] times = new long[n];
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += random.nextInt(3);
      times[i] = t;
      keys[i] = random.nextInt(500);
    }
    long retention = 60;
    KeyStore store = play(false, retention, keys, times);

    Map<Long, Long> latest = new HashMap<>();
    long duplicates = 0;
    for (int i = 0; i < n; i++) {
      Long before = latest.get(keys[i]);
      if (before != null && times[i] - before <= retention) {
        duplicates++;
      }
      latest.put(keys[i], times[i]);
    }
    List<Long> remembered = new ArrayList<>();
    for (Map.Entry<Long, Long> e : latest.entrySet()) {
      if (t - e.getValue() <= retention) {
        remembered.add(e.getKey());
      }
    }
    assertEquals(duplicates, store.duplicates());
    assertEquals(remembered.size(), store.remembered());
  }
}
