package dev.vectorizer.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded generator of varied English sentences from word lists over several topics (a sentence
 * mostly, not always, stays on one topic), so that their embeddings form loose semantic clusters
 * rather than noise. Sentences are distinct.
 */
public final class Sentences {

    private static final String[][] SUBJECTS = {
        {"the engineer", "our team", "a junior developer", "the database administrator", "the on-call engineer", "the release manager", "a security auditor", "the build server"},
        {"the chef", "my grandmother", "a food critic", "the baker", "a street vendor", "the sommelier", "the kitchen staff", "a hungry student"},
        {"the striker", "the goalkeeper", "a marathon runner", "the coach", "the referee", "a young cyclist", "the tennis champion", "the swimming team"},
        {"the astronomer", "a biologist", "the research group", "a chemistry student", "the physicist", "the lab technician", "a geologist", "the botanist"},
        {"the investor", "the central bank", "a small business owner", "the accountant", "the startup founder", "a tax adviser", "the stock analyst", "the treasurer"},
        {"the traveller", "a backpacker", "the tour guide", "the pilot", "a cruise passenger", "the hotel manager", "a family on holiday", "the ferry captain"},
    };
    private static final String[][] VERBS = {
        {"deployed", "debugged", "refactored", "benchmarked", "rolled back", "migrated", "monitored", "documented"},
        {"cooked", "tasted", "baked", "seasoned", "grilled", "served", "prepared", "burned"},
        {"won", "lost", "trained for", "celebrated", "analysed", "practised", "coached", "watched"},
        {"observed", "measured", "discovered", "published", "sequenced", "modelled", "replicated", "questioned"},
        {"invested in", "audited", "sold", "budgeted for", "forecast", "borrowed against", "valued", "hedged"},
        {"booked", "visited", "explored", "photographed", "cancelled", "missed", "recommended", "reviewed"},
    };
    private static final String[][] OBJECTS = {
        {"the payment service", "a memory leak", "the search index", "the new API", "the legacy monolith", "a flaky test", "the container image", "the message queue"},
        {"a mushroom risotto", "the sourdough bread", "a spicy curry", "the chocolate cake", "fresh pasta", "a vegetable soup", "the roast chicken", "a lemon tart"},
        {"the final match", "the championship", "a penalty shootout", "the season opener", "the relay race", "a mountain stage", "the derby", "the qualifying round"},
        {"a distant galaxy", "the protein structure", "a rare mineral", "the climate data", "a new species of frog", "the particle collision", "the gene expression", "a comet"},
        {"the quarterly report", "a government bond", "the pension fund", "the annual budget", "a risky stock", "the exchange rate", "the company shares", "a mortgage"},
        {"the old harbour", "a mountain village", "the night train", "the national museum", "a desert island", "the city walls", "the northern lights", "a crowded market"},
    };
    private static final String[] ADVERBS = {"carefully", "quickly", "reluctantly", "twice", "again", "finally", "proudly", "quietly", "successfully", "barely"};
    private static final String[] TAILS = {
        "before the deadline", "after a long week", "on a rainy Tuesday", "despite the noise", "for the first time",
        "without any help", "in front of a large audience", "late at night", "during the storm", "with great enthusiasm",
        "although nobody expected it", "to everyone's surprise", "as planned", "last summer", "early in the morning",
    };

    private Sentences() {
    }

    public static List<String> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> sentences = new LinkedHashSet<>();
        int attempts = 0;
        while (sentences.size() < count && attempts++ < count * 50) {
            int topic = random.nextInt(SUBJECTS.length);
            // one in five sentences borrows its object from another topic
            int objectTopic = random.nextInt(5) == 0 ? random.nextInt(OBJECTS.length) : topic;
            StringBuilder s = new StringBuilder();
            s.append(capitalize(pick(random, SUBJECTS[topic])));
            if (random.nextBoolean()) {
                s.append(' ').append(pick(random, ADVERBS));
            }
            s.append(' ').append(pick(random, VERBS[topic])).append(' ').append(pick(random, OBJECTS[objectTopic]));
            if (random.nextInt(3) > 0) {
                s.append(' ').append(pick(random, TAILS));
            }
            s.append('.');
            sentences.add(s.toString());
        }
        if (sentences.size() < count) {
            throw new IllegalStateException("only " + sentences.size() + " distinct sentences for " + count + " asked");
        }
        return new ArrayList<>(sentences);
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
