package org.flowlab.engine.des;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap of events. Keys live in parallel primitive arrays so that sifting touches
 * contiguous memory; each event knows its slot, so cancelling a timer is O(log n) rather than a lazy tombstone
 * that would keep cancelled timeouts alive in memory.
 */
final class EventList {
    private long[] times = new long[64];
    private long[] orders = new long[64];
    private Event[] events = new Event[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return times[0];
    }

    void add(Event e) {
        if (size == events.length) {
            grow();
        }
        siftUp(size++, e);
    }

    Event poll() {
        Event top = events[0];
        top.index = -1;
        int last = --size;
        if (last > 0) {
            Event moved = events[last];
            events[last] = null;
            siftDown(0, moved);
        } else {
            events[0] = null;
        }
        return top;
    }

    /** Removes a pending event; returns false if it had already fired or been removed. */
    boolean remove(Event e) {
        int i = e.index;
        if (i < 0 || i >= size || events[i] != e) {
            return false;
        }
        e.index = -1;
        int last = --size;
        if (i == last) {
            events[last] = null;
            return true;
        }
        Event moved = events[last];
        events[last] = null;
        siftDown(i, moved);
        if (events[i] == moved) {
            siftUp(i, moved);
        }
        return true;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            events[i].index = -1;
            events[i] = null;
        }
        size = 0;
    }

    private static boolean less(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void siftUp(int i, Event e) {
        long t = e.time;
        long o = e.order;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!less(t, o, times[parent], orders[parent])) {
                break;
            }
            place(i, events[parent]);
            i = parent;
        }
        place(i, e);
    }

    private void siftDown(int i, Event e) {
        long t = e.time;
        long o = e.order;
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = times[first];
            long bo = orders[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (less(times[c], orders[c], bt, bo)) {
                    best = c;
                    bt = times[c];
                    bo = orders[c];
                }
            }
            if (!less(bt, bo, t, o)) {
                break;
            }
            place(i, events[best]);
            i = best;
        }
        place(i, e);
    }

    private void place(int i, Event e) {
        events[i] = e;
        times[i] = e.time;
        orders[i] = e.order;
        e.index = i;
    }

    private void grow() {
        int n = events.length * 2;
        times = Arrays.copyOf(times, n);
        orders = Arrays.copyOf(orders, n);
        events = Arrays.copyOf(events, n);
    }
}
