/**
 * The checkpoint language: the engine's safe expression language plus trailing windows ({@code max(x) over 30s})
 * and time words ({@code always}, {@code eventually}, {@code for}, {@code within}, {@code after}, {@code while}).
 * {@link org.flowlab.lessons.check.Condition} is a compiled checkpoint, {@link org.flowlab.lessons.check.Monitor}
 * evaluates one incrementally, and {@link org.flowlab.lessons.check.Watcher} feeds a whole step's monitors from a
 * simulation at a fixed virtual interval, so the app and the headless verifier agree check for check.
 */
package org.flowlab.lessons.check;
