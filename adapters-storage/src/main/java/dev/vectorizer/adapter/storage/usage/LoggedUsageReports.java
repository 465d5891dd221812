package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.UsageReportSinkPort;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * Where usage reports go without HiveHub (single and standalone modes): one line of JSON per report
 * (the HiveHub shape) at INFO on the logger {@value #LOGGER}, for an operator to ship to billing or
 * to leave be. Logged is delivered; a report logged twice (a crash before its removal) has the same
 * {@code report_id}.
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.LOCAL)
public class LoggedUsageReports implements UsageReportSinkPort {

    static final String LOGGER = "dev.vectorizer.usage.reports";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Override
    public void deliver(UsageReport report) {
        LOG.info(() -> Json.write(UsageJson.report(report)));
    }
}
