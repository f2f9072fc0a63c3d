package org.flowlab.engine.cli;

/** Input the tool cannot use (not a scenario problem): shown as one message on stderr, exit code 2. */
final class BadInput extends Exception {
    BadInput(String message) {
        super(message, null, false, false);
    }
}
