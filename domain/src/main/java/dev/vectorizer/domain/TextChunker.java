package dev.vectorizer.domain;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text that is too long for one embedding into ordered chunks of at most {@code maxChars}
 * characters, cut on sentence and line boundaries so that each chunk stays meaningful on its own.
 * Consecutive chunks overlap by up to {@code overlapChars} characters (whole sentences where
 * possible, else whole words) so that a statement straddling a cut is still found. A sentence
 * longer than the maximum is cut between words, and a word longer than the maximum between
 * characters (never inside a surrogate pair or grapheme). Chunks are substrings of the text
 * without leading or trailing blanks, each with content ({@link TextContent}): a stretch of only
 * format characters or marks, which the model could not read, is left out. Immutable and thread-safe.
 */
public record TextChunker(int maxChars, int overlapChars) {

    public static final int DEFAULT_MAX_CHARS = 2_048;
    public static final int DEFAULT_OVERLAP_CHARS = 200;
    public static final TextChunker DEFAULT = new TextChunker(DEFAULT_MAX_CHARS, DEFAULT_OVERLAP_CHARS);

    public TextChunker {
        // Two: a character outside the BMP (an emoji) is two chars, and a chunk must be able to hold it whole.
        InvalidValueException.require(maxChars >= 2, "chunk size must be at least 2 characters");
        InvalidValueException.require(overlapChars >= 0, "chunk overlap must not be negative");
        // An overlap of the whole chunk would leave no room for new text.
        InvalidValueException.require(overlapChars < maxChars, "chunk overlap must be smaller than the chunk size");
    }

    /** One chunk: {@code text} is the source's substring [start, end). */
    public record Chunk(String text, int start, int end) {
    }

    /** The chunks of {@code text} in order; one chunk if it fits, none if it has no content. */
    public List<String> chunk(String text) {
        return chunks(text).stream().map(Chunk::text).toList();
    }

    /** Like {@link #chunk(String)}, with where each chunk is in the text (to point a hit back to its source). */
    public List<Chunk> chunks(String text) {
        InvalidValueException.require(text != null, "text must not be null");
        if (!TextContent.hasContent(text)) {
            return List.of();
        }
        int start = skipBlanks(text, 0, text.length());
        int end = text.length();
        while (TextContent.isBlank(text.charAt(end - 1))) {
            end--;
        }
        if (end - start <= maxChars) {
            return List.of(new Chunk(text.substring(start, end), start, end));
        }
        return pack(text, units(text));
    }

    /** A piece of the text [start, end) without surrounding whitespace, at most maxChars long. */
    private record Span(int start, int end) {
    }

    /** Sentences (split at line breaks too), or their words or word fragments when too long. */
    private List<Span> units(String text) {
        List<Span> units = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            // The JDK's sentence rules do not end a sentence at a line break; headings and lists need that.
            int lineStart = start;
            for (int i = start; i < end; i++) {
                if (isLineBreak(text.charAt(i))) {
                    addSentence(text, lineStart, i, characters, units);
                    lineStart = i + 1;
                }
            }
            addSentence(text, lineStart, end, characters, units);
        }
        return units;
    }

    private void addSentence(String text, int from, int to, BreakIterator characters, List<Span> units) {
        int start = skipBlanks(text, from, to);
        int end = to;
        while (end > start && TextContent.isBlank(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return;
        }
        if (end - start <= maxChars) {
            units.add(new Span(start, end));
            return;
        }
        // Too long: its words become the units, so they are packed and overlapped like sentences.
        int i = start;
        while (i < end) {
            int wordEnd = i;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            addWord(i, wordEnd, characters, units);
            i = skipBlanks(text, wordEnd, end);
        }
    }

    private void addWord(int start, int end, BreakIterator characters, List<Span> units) {
        while (end - start > maxChars) {
            int cut = characters.preceding(start + maxChars + 1); // last grapheme boundary <= start + max
            if (cut <= start) {
                cut = start + maxChars; // one grapheme longer than the maximum: at least keep surrogate pairs whole
                if (Character.isLowSurrogate(characters.getText().setIndex(cut)) && cut - 1 > start) {
                    cut--;
                }
            }
            units.add(new Span(start, cut));
            start = cut;
        }
        units.add(new Span(start, end));
    }

    /** Packs units greedily into chunks, starting each chunk after the first with an overlap. */
    private List<Chunk> pack(String text, List<Span> units) {
        List<Chunk> chunks = new ArrayList<>();
        int chunkStart = units.getFirst().start();
        int next = 0;
        while (next < units.size()) {
            int first = next;
            while (next < units.size() && units.get(next).end() - chunkStart <= maxChars) {
                next++;
            }
            assert next > first : "every chunk takes at least one new unit";
            int chunkEnd = units.get(next - 1).end();
            String chunk = text.substring(chunkStart, chunkEnd);
            if (TextContent.hasContent(chunk)) {
                chunks.add(new Chunk(chunk, chunkStart, chunkEnd));
            }
            if (next < units.size()) {
                chunkStart = overlapStart(text, units, chunkStart, first, next);
            }
        }
        return chunks;
    }

    /**
     * Where the chunk after [chunkStart, end of unit next-1] begins: as early as possible within the
     * overlap, at a unit start or else a word start, but late enough that unit {@code next} still fits.
     */
    private int overlapStart(String text, List<Span> units, int chunkStart, int first, int next) {
        int previousEnd = units.get(next - 1).end();
        int nextEnd = units.get(next).end();
        int start = units.get(next).start();
        for (int k = next - 1; k >= first; k--) {
            int candidate = units.get(k).start();
            if (candidate <= chunkStart || previousEnd - candidate > overlapChars || nextEnd - candidate > maxChars) {
                break;
            }
            start = candidate;
        }
        if (start == units.get(next).start() && overlapChars > 0) {
            // No whole unit fits in the overlap: take the last words of the previous chunk instead.
            Span last = units.get(next - 1);
            int from = Math.max(Math.max(last.start(), chunkStart) + 1, previousEnd - overlapChars);
            for (int i = Math.max(from, nextEnd - maxChars); i < previousEnd; i++) {
                if (!Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1))) {
                    return i;
                }
            }
        }
        return start;
    }

    private static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && TextContent.isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\f';
    }
}
