package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.ServerInfo;

/** Tells what this server is: name, version, mode and installation. */
public interface GetServerInfoQuery {

    ServerInfo serverInfo();
}
