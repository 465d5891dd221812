package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.VectorQuery;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.parser.ParserOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one GraphQL request may ask for. The parser refuses documents over
 * {@value #MAX_DOCUMENT_CHARACTERS} characters or {@value #MAX_TOKENS} tokens; before any field
 * runs, an operation deeper than {@value #MAX_DEPTH} fields, costlier than {@value #MAX_COMPLEXITY}
 * or with more than {@value #MAX_ALIASES} aliases is refused, and so is a mutation sent with GET.
 * Refusals are GraphQL errors with code {@code VALIDATION_ERROR} ({@code METHOD_NOT_ALLOWED} for GET).
 *
 * <p>Cost: each field costs 1 plus what it selects; a field that returns a page of results
 * multiplies what it selects by its {@code limit} (by the use case's default when none is given),
 * so {@code search(limit: 100) { id score payload }} costs 301. graphql-java's walk for cost and
 * depth visits a fragment once however often it is spread; that misses no work here, since only
 * {@code Query}'s and {@code Mutation}'s fields call use cases, and one fragment spread twice there
 * is merged into the same fields. Aliases are counted in the operation as it runs.
 */
final class QueryLimits {

    static final int MAX_DOCUMENT_CHARACTERS = 100_000;
    static final int MAX_TOKENS = 15_000;
    static final int MAX_DEPTH = 15;
    static final int MAX_COMPLEXITY = 10_000;
    static final int MAX_ALIASES = 30;

    /** GraphQL context key: true when the request came with GET, which may only read. */
    static final String QUERIES_ONLY = QueryLimits.class.getName() + ".queriesOnly";

    static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions()
            .transform(options -> options.maxCharacters(MAX_DOCUMENT_CHARACTERS).maxTokens(MAX_TOKENS));

    /** How many items a field returns when its {@code limit} is not given, by {@code Type.field}. */
    private static final Map<String, Integer> DEFAULT_ITEMS = Map.of(
            "Query.vectors", ScrollRequest.DEFAULT_LIMIT,
            "Query.search", VectorQuery.DEFAULT_LIMIT,
            "Query.hybridSearch", VectorQuery.DEFAULT_LIMIT);

    static final FieldComplexityCalculator COST = (field, selected) -> {
        Object limit = field.getArguments().get("limit");
        int items = limit instanceof Integer n ? Math.max(1, n)
                : DEFAULT_ITEMS.getOrDefault(field.getParentType().getName() + "." + field.getField().getName(), 1);
        return (int) Math.min(Integer.MAX_VALUE, 1 + (long) selected * items);
    };

    private QueryLimits() {
    }

    static Instrumentation instrumentation() {
        return new ChainedInstrumentation(List.of(
                new QueriesOnlyOverGet(),
                new MaxQueryDepthInstrumentation(MAX_DEPTH) {
                    @Override
                    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                        return new Refusal(ErrorType.VALIDATION_ERROR, "the query is " + depth + " fields deep; at most " + maxDepth + " are allowed");
                    }
                },
                new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, COST) {
                    @Override
                    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                        return new Refusal(ErrorType.VALIDATION_ERROR, "the query costs " + complexity + "; at most " + maxComplexity
                                + " is allowed (a field's limit multiplies the cost of what it selects)");
                    }
                },
                new MaxAliases()));
    }

    /** GET may not change anything (GraphQL over HTTP): a mutation sent with it is not executed. */
    private static final class QueriesOnlyOverGet extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            if (execution.getGraphQLContext().getBoolean(QUERIES_ONLY, false)
                    && execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY) {
                throw new Refusal(ErrorType.METHOD_NOT_ALLOWED, "a " + execution.getOperationDefinition().getOperation().name().toLowerCase(Locale.ROOT)
                        + " must be sent with POST");
            }
            return SimpleInstrumentationContext.noOp();
        }
    }

    /**
     * Each alias can run a field once more (another search, say): their number is capped, counted in
     * the operation as it would run, so a fragment counts wherever it is spread.
     */
    private static final class MaxAliases extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            int aliases = aliases(parameters.getExecutionContext().getNormalizedQueryTree().get().getTopLevelFields());
            if (aliases > MAX_ALIASES) {
                throw new Refusal(ErrorType.VALIDATION_ERROR, "the query has " + aliases + " aliases; at most " + MAX_ALIASES + " are allowed");
            }
            return SimpleInstrumentationContext.noOp();
        }

        private static int aliases(List<ExecutableNormalizedField> fields) {
            int count = 0;
            for (ExecutableNormalizedField field : fields) {
                count += (field.getAlias() == null ? 0 : 1) + aliases(field.getChildren());
            }
            return count;
        }
    }
}
