package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Installation;

/** Durable identity of this installation. */
public interface InstallationPort {

    /**
     * The installation recorded in the metadata store; the first call on a fresh store creates and
     * persists it, every later call (also after a restart) returns the same one.
     */
    Installation installation();
}
