package dev.vectorizer.application.port.in;

import java.time.Duration;

/** Records an answer an inbound interface gave, for the request metrics. */
public interface RecordAnswerUseCase {

    /**
     * @param operation what was asked (for REST the resource method, e.g. {@code CollectionsResource.create};
     *     {@code unmatched} when no operation was found)
     * @param status the HTTP status of the answer
     * @param elapsed from the request's arrival to its answer
     */
    void answered(String operation, int status, Duration elapsed);
}
