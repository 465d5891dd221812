package dev.vectorizer.domain.json;

import dev.vectorizer.domain.ServerInfo;
import java.util.Map;

/** What a server says about itself: {@code {"name","version","mode","installation_id"}}. */
public final class ServerInfoJson {

    private ServerInfoJson() {
    }

    public static Map<String, Object> write(ServerInfo info) {
        return Json.object("name", info.name(), "version", info.version(), "mode", info.mode().configName(),
                "installation_id", info.installation().id().toString());
    }
}
