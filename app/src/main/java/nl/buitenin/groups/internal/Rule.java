package nl.buitenin.groups.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;

/**
 * Who belongs to a group by rule: conditions on a person's attributes, all of which must hold, written as text such
 * as {@code pace = brisk}, {@code age_band in (55-64, 65+)} or {@code trips >= 3 and channel != phone}. A condition
 * compares one attribute with a value ({@code = != < <= > >=}; the order comparisons only with numbers) or with a list
 * ({@code in}); a person without the attribute meets no condition on it. Text rather than a tree of JSON, because
 * administrators write and read it on a page and in an API call, and the few forms a segment needs fit on one line;
 * a parser of its own rather than an expression language (SpEL, CEL), because those run any method or function, and
 * a rule may only compare attributes.
 */
public record Rule(String text, List<Condition> conditions) {

    public static final int MAX_LENGTH = 1000;
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|,|!=|<=|>=|=|<|>|\"[^\"]*\"|[^\\s,()=<>!\"]+)");

    public Rule {
        conditions = List.copyOf(conditions);
    }

    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), LESS("<"), AT_MOST("<="), MORE(">"), AT_LEAST(">="), IN("in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static @Nullable Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol.toLowerCase(Locale.ROOT))) {
                    return operator;
                }
            }
            return null;
        }

        boolean ordered() {
            return this == LESS || this == AT_MOST || this == MORE || this == AT_LEAST;
        }
    }

    /** One condition: the attribute, how it is compared and the value (several for {@code in}). */
    public record Condition(String attribute, Operator operator, List<String> values) {

        public Condition {
            values = List.copyOf(values);
        }

        boolean holds(Map<String, String> attributes) {
            String value = attributes.get(attribute);
            if (value == null) {
                return false;
            }
            return switch (operator) {
                case EQUALS -> value.equals(values.get(0));
                case NOT_EQUALS -> !value.equals(values.get(0));
                case IN -> values.contains(value);
                default -> {
                    BigDecimal number = number(value);
                    if (number == null) {
                        yield false;
                    }
                    int order = number.compareTo(java.util.Objects.requireNonNull(number(values.get(0))));
                    yield switch (operator) {
                        case LESS -> order < 0;
                        case AT_MOST -> order <= 0;
                        case MORE -> order > 0;
                        default -> order >= 0;
                    };
                }
            };
        }
    }

    /** Whether a person with these attributes (name to value) meets every condition. */
    public boolean matches(Map<String, String> attributes) {
        return conditions.stream().allMatch(c -> c.holds(attributes));
    }

    /** The attributes the rule reads. */
    public Set<String> attributes() {
        return Set.copyOf(conditions.stream().map(Condition::attribute).toList());
    }

    /**
     * Reads a rule, or refuses it in the field {@code field} with what is wrong and where (the word at which it went
     * wrong).
     */
    public static Rule parse(String field, String text) {
        String rule = text == null ? "" : text.strip();
        if (rule.isEmpty()) {
            throw InvalidInputException.of(field, "groups.invalid.rule.empty");
        }
        if (rule.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, "groups.invalid.rule.long", MAX_LENGTH);
        }
        List<String> tokens = tokens(field, rule);
        List<Condition> conditions = new ArrayList<>();
        int i = 0;
        while (true) {
            String name = at(tokens, i, field);
            if (!NAME.matcher(name).matches()) {
                throw InvalidInputException.of(field, "groups.invalid.rule.attribute", name);
            }
            String symbol = at(tokens, i + 1, field);
            Operator operator = Operator.of(symbol);
            if (operator == null) {
                throw InvalidInputException.of(field, "groups.invalid.rule.operator", symbol);
            }
            i += 2;
            List<String> values = new ArrayList<>();
            if (operator == Operator.IN) {
                if (!"(".equals(at(tokens, i, field))) {
                    throw InvalidInputException.of(field, "groups.invalid.rule.list", name);
                }
                i++;
                while (true) {
                    values.add(value(at(tokens, i, field), field));
                    String next = at(tokens, i + 1, field);
                    i += 2;
                    if (")".equals(next)) {
                        break;
                    }
                    if (!",".equals(next)) {
                        throw InvalidInputException.of(field, "groups.invalid.rule.list", name);
                    }
                }
            } else {
                String value = value(at(tokens, i, field), field);
                if (operator.ordered() && number(value) == null) {
                    throw InvalidInputException.of(field, "groups.invalid.rule.number", name, value);
                }
                values.add(value);
                i++;
            }
            conditions.add(new Condition(name, operator, values));
            if (i == tokens.size()) {
                return new Rule(rule, conditions);
            }
            if (!"and".equalsIgnoreCase(tokens.get(i))) {
                throw InvalidInputException.of(field, "groups.invalid.rule.and", tokens.get(i));
            }
            i++;
        }
    }

    private static List<String> tokens(String field, String rule) {
        List<String> tokens = new ArrayList<>();
        var matcher = TOKEN.matcher(rule);
        int position = 0;
        while (position < rule.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw InvalidInputException.of(field, "groups.invalid.rule.word", rule.substring(position).strip());
            }
            tokens.add(matcher.group(1));
            position = matcher.end();
            while (position < rule.length() && Character.isWhitespace(rule.charAt(position))) {
                position++;
            }
        }
        return tokens;
    }

    private static String at(List<String> tokens, int i, String field) {
        if (i >= tokens.size()) {
            throw InvalidInputException.of(field, "groups.invalid.rule.incomplete");
        }
        return tokens.get(i);
    }

    private static String value(String token, String field) {
        if (Set.of("(", ")", ",").contains(token) || Operator.of(token) != null && !"in".equalsIgnoreCase(token)) {
            throw InvalidInputException.of(field, "groups.invalid.rule.value", token);
        }
        return token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
    }

    static @Nullable BigDecimal number(String value) {
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
