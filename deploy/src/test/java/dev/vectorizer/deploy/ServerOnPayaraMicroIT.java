package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real WAR, deployed by Arquillian to a real Payara Micro, answering over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerOnPayaraMicroIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("vectorizer.war")));
    }

    @ArquillianResource
    URL base;

    private Http http() throws Exception {
        return new Http(base.toURI());
    }

    @Test
    void infoTellsNameVersionAndMode() throws Exception {
        Http.Answer answer = http().get("api/info");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getString("name")).isEqualTo("vectorizer");
        assertThat(answer.json().getString("mode")).isEqualTo("standalone");
        assertThat(answer.json().getString("version")).isNotBlank();
        assertThat(answer.json().getString("installation_id")).hasSize(36);
    }

    @Test
    void unknownRouteIsAProblem() throws Exception {
        Http.Answer answer = http().get("api/no-such-thing");

        assertProblem(answer, 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsAProblem() throws Exception {
        Http.Answer answer = http().post("api/info", "application/json", "{}");

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void serverRootHealthIsUp() throws Exception {
        URI root = base.toURI().resolve("/");
        Http.Answer ready = new Http(root).get("health/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getString("status")).isEqualTo("UP");
        assertThat(ready.body()).contains("storage");
    }

    static void assertProblem(Http.Answer answer, int status, String errorType) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(status);
        assertThat(answer.json().getString("error_type")).isEqualTo(errorType);
        assertThat(answer.json().getString("title")).isNotBlank();
        assertThat(answer.json().getString("type")).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
