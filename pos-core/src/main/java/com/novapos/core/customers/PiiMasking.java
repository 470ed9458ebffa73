package com.novapos.core.customers;

import com.novapos.model.customer.Pii;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Masks or erases the personal data of canonical records, driven by the {@link Pii} annotation on
 * their components: a personal field added to a record tomorrow is covered without a change here.
 * Records nested in a record, or in a list of a record, are treated the same way.
 *
 * <p>Masking, for logs and exports: text keeps the first character of each word
 * ({@code Jon Snow → J** S***}); an email its first character and domain
 * ({@code j**@example.com}); a phone (a field whose name contains "phone") its last two digits
 * when it has at least six ({@code +1 415 555 0142 → *********42}); any other value (a birth date, a
 * nested record marked personal) becomes null. Erasure (the retention purge) makes every personal
 * field null.
 */
public final class PiiMasking {
    private static final int PHONE_DIGITS_SHOWN = 2;
    private static final int PHONE_DIGITS_TO_SHOW_ANY = 6;

    private PiiMasking() {
    }

    /** A copy of the record with every {@link Pii} component masked; null for null. */
    public static <R extends Record> R mask(R record) {
        return copy(record, PiiMasking::maskValue);
    }

    /** A copy of the record with every {@link Pii} component null (false/0 for primitives); null for null. */
    public static <R extends Record> R erase(R record) {
        return copy(record, (field, value) -> null);
    }

    /** The names of a record type's personal fields, in declaration order. */
    public static List<String> personalFields(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).filter(c -> c.isAnnotationPresent(Pii.class))
                .map(RecordComponent::getName).toList();
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R copy(R record, BiFunction<String, Object, Object> personal) {
        if (record == null) {
            return null;
        }
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                component.getAccessor().setAccessible(true);
                Object value = component.getAccessor().invoke(record);
                types[i] = component.getType();
                Object replaced = component.isAnnotationPresent(Pii.class) ? personal.apply(component.getName(), value)
                        : nested(value, personal);
                values[i] = replaced == null && types[i].isPrimitive() ? defaultOf(types[i]) : replaced;
            }
            var constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " without its personal data", e);
        }
    }

    private static Object nested(Object value, BiFunction<String, Object, Object> personal) {
        if (value instanceof Record nested) {
            return copy(nested, personal);
        }
        if (value instanceof List<?> list && list.stream().anyMatch(Record.class::isInstance)) {
            return list.stream().map(item -> item instanceof Record r ? copy(r, personal) : item).toList();
        }
        return value;
    }

    static Object maskValue(String field, Object value) {
        if (!(value instanceof CharSequence)) {
            return null;
        }
        String text = value.toString();
        int at = text.indexOf('@');
        if (at > 0) {
            return text.charAt(0) + "**" + text.substring(at);
        }
        if (field.toLowerCase(Locale.ROOT).contains("phone")) {
            String digits = text.replaceAll("\\D", "");
            int shown = digits.length() >= PHONE_DIGITS_TO_SHOW_ANY ? PHONE_DIGITS_SHOWN : 0;
            return "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
        }
        StringBuilder masked = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            if (!word.isEmpty()) {
                masked.append(word.charAt(0)).append("*".repeat(Math.max(2, word.length() - 1)));
            }
        }
        return masked.toString();
    }

    private static Object defaultOf(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0);
    }
}
