package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.in.RecordAnswerUseCase;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.usage.RateLimiter;
import dev.vectorizer.application.usage.RequestCounter;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The one door of every request: authentication ({@link AuthenticateQuery}, which owns every rule
 * of who may act), then, for a tenant's caller, its rate limits (its tenant's and its credential's
 * own) and its request count. Refused authentications are counted by reason; the answers the
 * interfaces give are counted by operation.
 */
@ApplicationScoped
public class AdmissionService implements AdmitRequestQuery, RecordAnswerUseCase {

    private final AuthenticateQuery authenticator;
    private final RateLimiter rateLimiter;
    private final RequestCounter requests;
    private final MetricsPort metrics;

    @Inject
    public AdmissionService(AuthenticateQuery authenticator, RateLimiter rateLimiter, RequestCounter requests, MetricsPort metrics) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.requests = requests;
        this.metrics = metrics;
    }

    /** For the CDI client proxy only. */
    protected AdmissionService() {
        this(null, null, null, null);
    }

    @Override
    public Admission admit(AuthenticateQuery.Credentials credentials) {
        Caller caller = authenticated(credentials);
        if (caller instanceof Caller.OfTenant tenant) {
            Optional<RateLimitStatus> status = rateLimiter.admit(tenant);
            requests.count(tenant.tenant());
            return new Admission(caller, status);
        }
        return new Admission(caller, Optional.empty());
    }

    private Caller authenticated(AuthenticateQuery.Credentials credentials) {
        try {
            return authenticator.authenticate(credentials);
        } catch (AuthenticationException e) {
            metrics.authenticationFailed(e.reason() == AuthenticationException.Reason.MISSING ? "missing" : "invalid");
            throw e;
        } catch (TooManyFailuresException e) {
            metrics.authenticationFailed("blocked");
            throw e;
        } catch (ForbiddenException e) {
            metrics.authenticationFailed("forbidden");
            throw e;
        } catch (UnavailableException e) {
            metrics.authenticationFailed("unavailable");
            throw e;
        }
    }

    @Override
    public void answered(String operation, int status, Duration elapsed) {
        metrics.requestAnswered(operation, status, elapsed);
    }
}
