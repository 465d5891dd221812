package dev.vectorizer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextChunkerTest {

    private static final TextChunker SMALL = new TextChunker(100, 30);

    @Test
    void defaultsAreTwoKilobytesWithTwoHundredCharactersOverlap() {
        assertThat(TextChunker.DEFAULT.maxChars()).isEqualTo(2_048);
        assertThat(TextChunker.DEFAULT.overlapChars()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "0, 0", "-1, 0", "10, -1", "10, 10", "10, 11"})
    void rejectsInvalidSettings(int max, int overlap) {
        assertThatThrownBy(() -> new TextChunker(max, overlap)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> SMALL.chunk(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(SMALL.chunk("")).isEmpty();
        assertThat(SMALL.chunk(" \n\t ")).isEmpty();
        assertThat(SMALL.chunk("\u0000\u0001 \u007f")).as("control characters carry no content").isEmpty();
        assertThat(SMALL.chunk("\u202e\u0301 \ue000")).as("nor do format characters, marks and private use").isEmpty();
    }

    @Test
    void aStretchWithoutContentIsLeftOut() {
        String sentence = "Vectors are stored in segments.";
        String text = sentence + "\n" + "\u202e".repeat(250) + "\n" + sentence;
        List<String> chunks = SMALL.chunk(text);
        assertThat(chunks).as("the chunks of only format characters are gone").hasSizeLessThan(SMALL.chunk(text.replace('\u202e', 'x')).size());
        assertThat(chunks.getFirst()).isEqualTo(sentence);
        assertThat(chunks.getLast()).endsWith(sentence);
        assertInvariants(SMALL, text, chunks);
    }

    @Test
    void chunksNeverStartOrEndWithControlCharacters() {
        String sentence = "Vectors are stored in segments. ";
        String text = "\u0000" + sentence.repeat(20) + "\n\u0000\u0000\n" + sentence.repeat(20) + "\u0001";
        List<String> chunks = SMALL.chunk(text);
        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(TextContent.isBlank(chunk.charAt(0))).isFalse();
            assertThat(TextContent.isBlank(chunk.charAt(chunk.length() - 1))).isFalse();
        });
    }

    @Test
    void shortTextIsOneTrimmedChunk() {
        assertThat(SMALL.chunk("  Hello world.\n")).containsExactly("Hello world.");
        assertThat(TextChunker.DEFAULT.chunk("One. Two! Three?")).containsExactly("One. Two! Three?");
    }

    @Test
    void textOfExactlyTheMaximumIsOneChunk() {
        String text = "a".repeat(99) + ".";
        assertThat(SMALL.chunk(text)).containsExactly(text);
        assertThat(SMALL.chunk("   " + text + "   ")).containsExactly(text);
    }

    @Test
    void oneCharacterOverTheMaximumGivesTwoChunks() {
        String first = "First sentence is here and it is fairly long, about sixty chars.";
        String second = "Second one ends it all.";
        String text = first + " " + second + " " + "x".repeat(100 - first.length() - second.length() - 2) + ".";
        assertThat(text).hasSize(101);
        List<String> chunks = SMALL.chunk(text);
        assertThat(chunks).hasSizeGreaterThan(1);
        assertInvariants(SMALL, text, chunks);
        assertThat(chunks.getFirst()).startsWith(first);
    }

    @Test
    void longProseIsCutOnSentenceBoundariesWithOverlap() {
        String text = prose(60, new Random(1));
        TextChunker chunker = new TextChunker(500, 120);
        List<String> chunks = chunker.chunk(text);

        assertThat(chunks).hasSizeGreaterThan(5);
        assertInvariants(chunker, text, chunks);
        for (String chunk : chunks) {
            assertThat(chunk).matches("(?s)[A-Z].*[.!?]"); // whole sentences only
        }
        for (int i = 1; i < chunks.size(); i++) {
            String overlap = overlap(chunks.get(i - 1), chunks.get(i));
            assertThat(overlap).as("overlap between chunk %d and %d", i - 1, i).isNotEmpty().hasSizeLessThanOrEqualTo(120);
            assertThat(overlap).matches("(?s)[A-Z].*[.!?]");
        }
    }

    @Test
    void defaultChunkerOnLongProse() {
        String text = prose(400, new Random(7));
        List<String> chunks = TextChunker.DEFAULT.chunk(text);
        assertThat(text.length()).isGreaterThan(10_000);
        assertInvariants(TextChunker.DEFAULT, text, chunks);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(overlap(chunks.get(i - 1), chunks.get(i)).length()).isBetween(1, 200);
        }
    }

    @Test
    void linesAndParagraphsEndSentences() {
        String text = "Title without a period\n\n" + "- item one\n- item two\n" + "x".repeat(40) + " tail.";
        TextChunker chunker = new TextChunker(30, 0);
        List<String> chunks = chunker.chunk(text);
        assertInvariants(chunker, text, chunks);
        assertThat(chunks).startsWith("Title without a period", "- item one\n- item two");
    }

    @Test
    void giantSentenceIsCutBetweenWordsWithWordOverlap() {
        StringBuilder sentence = new StringBuilder();
        Random random = new Random(3);
        while (sentence.length() < 1_000) {
            sentence.append("word").append(random.nextInt(1000)).append(' ');
        }
        String text = sentence.toString().strip() + ".";
        List<String> chunks = SMALL.chunk(text);

        assertInvariants(SMALL, text, chunks);
        for (int i = 0; i < chunks.size(); i++) {
            // cuts between words: every chunk starts and ends with a whole word
            assertThat(chunks.get(i)).matches("word\\d+( word\\d+)*\\.?");
            if (i > 0) {
                assertThat(overlap(chunks.get(i - 1), chunks.get(i))).isNotEmpty().hasSizeLessThanOrEqualTo(30);
            }
        }
    }

    @Test
    void giantWordIsHardSplit() {
        String word = "x".repeat(250);
        String text = "Before. " + word + " After.";
        List<String> chunks = SMALL.chunk(text);

        assertInvariants(SMALL, text, chunks);
        assertThat(String.join("", chunks)).contains(word);
        assertThat(chunks).contains("x".repeat(100));
    }

    @Test
    void hardSplitKeepsSurrogatePairsAndGraphemesWhole() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String text = emoji.repeat(120); // 240 chars, no whitespace
        TextChunker chunker = new TextChunker(11, 0);
        List<String> chunks = chunker.chunk(text);

        assertInvariants(chunker, text, chunks);
        assertThat(String.join("", chunks)).isEqualTo(text);
        for (String chunk : chunks) {
            assertThat(chunk).hasSize(10).isEqualTo(emoji.repeat(5));
        }

        String accented = "e\u0301".repeat(30); // e + combining acute accent
        List<String> accentedChunks = chunker.chunk(accented);
        assertThat(String.join("", accentedChunks)).isEqualTo(accented);
        assertThat(accentedChunks).allSatisfy(chunk -> assertThat(chunk).startsWith("e").endsWith("\u0301"));
    }

    @Test
    void unicodeProse() {
        String text = ("Größenwahn ist überall. Ça va très bien! 日本語の文です。 Ένα δοκιμαστικό κείμενο? "
                + "Emoji \uD83D\uDE00 sind auch da.\n").repeat(20);
        TextChunker chunker = new TextChunker(200, 50);
        List<String> chunks = chunker.chunk(text);
        assertInvariants(chunker, text, chunks);
        assertThat(chunks).hasSizeGreaterThan(5);
        for (String chunk : chunks) {
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        }
    }

    @Test
    void withoutOverlapChunksDoNotRepeatText() {
        String text = prose(50, new Random(11));
        TextChunker chunker = new TextChunker(300, 0);
        List<String> chunks = chunker.chunk(text);
        assertInvariants(chunker, text, chunks);
        int total = chunks.stream().mapToInt(c -> c.replaceAll("\\s", "").length()).sum();
        assertThat(total).isEqualTo(text.replaceAll("\\s", "").length());
    }

    @Test
    void randomTextsKeepTheInvariants() {
        Random random = new Random(42);
        String[] pieces = {"a", "bb", "word", "longerword", ". ", "! ", "? ", " ", "\n", "\n\n", "\u00e9", "\uD83D\uDE00", "x".repeat(70)};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(600);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int max = 2 + random.nextInt(119);
            TextChunker chunker = new TextChunker(max, random.nextInt(max));
            assertInvariants(chunker, text.toString(), chunker.chunk(text.toString()));
        }
    }

    /** Non-empty, trimmed, at most max long, in order, and together covering every character of the text. */
    private static void assertInvariants(TextChunker chunker, String text, List<String> chunks) {
        assertThat(chunker.chunks(text)).extracting(TextChunker.Chunk::text).containsExactlyElementsOf(chunks);
        if (text.isBlank()) {
            assertThat(chunks).isEmpty();
            return;
        }
        assertThat(chunks).isNotEmpty();
        int covered = 0; // every character before this offset is whitespace or in some chunk
        int previousStart = -1;
        for (TextChunker.Chunk chunk : chunker.chunks(text)) {
            assertThat(TextContent.hasContent(chunk.text())).as("has content").isTrue();
            assertThat(chunk.text()).isEqualTo(chunk.text().strip());
            assertThat(chunk.text().length()).isLessThanOrEqualTo(chunker.maxChars());
            assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
            assertThat(chunk.start()).as("in order").isGreaterThan(previousStart);
            if (chunk.start() > covered) {
                assertThat(TextContent.hasContent(text.substring(covered, chunk.start()))).as("content in the gap before a chunk").isFalse();
            }
            covered = Math.max(covered, chunk.end());
            previousStart = chunk.start();
        }
        assertThat(TextContent.hasContent(text.substring(covered))).as("content after the last chunk").isFalse();
    }

    /** The longest suffix of {@code previous} that is a prefix of {@code next}. */
    private static String overlap(String previous, String next) {
        for (int length = Math.min(previous.length(), next.length()); length > 0; length--) {
            if (previous.endsWith(next.substring(0, length))) {
                return next.substring(0, length);
            }
        }
        return "";
    }

    private static String prose(int sentences, Random random) {
        String[] words = {"vector", "search", "tenant", "index", "graph", "query", "cosine", "segment", "payload", "filter", "shard", "recall"};
        String[] ends = {".", ".", ".", "!", "?"};
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int count = 4 + random.nextInt(14);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < count; w++) {
                sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
            text.append(sentence).append(ends[random.nextInt(ends.length)]).append(s % 7 == 6 ? "\n\n" : " ");
        }
        return text.toString();
    }
}
