package dev.vectorizer.deploy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The one duration syntax of every setting: ISO-8601 ({@code PT30S}, {@code P7D}) or a whole number with
 * a unit, {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 30s}, {@code 10m},
 * {@code 2h}, {@code 7d}); never negative. Registered for the application in {@code META-INF/services}, so every
 * {@code @ConfigProperty Duration} is read this way; a value it rejects fails the deployment.
 */
public final class DurationConverter implements Converter<Duration> {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Map<String, ChronoUnit> UNITS = Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS,
            "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    /** An empty value is no value (MicroProfile Config then treats the setting as missing). */
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        Duration duration = parse(text);
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration: use ISO-8601 (PT30S, P7D) or a"
                    + " whole number with ms, s, m, h or d (500ms, 30s, 10m, 2h, 7d)");
        }
        return duration;
    }

    private static Duration parse(String text) {
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text);
            }
            Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
            return matcher.matches() ? Duration.of(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2))) : null;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException tooLargeOrMalformed) {
            return null;
        }
    }
}
