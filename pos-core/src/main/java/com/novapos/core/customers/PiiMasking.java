package com.novapos.core.customers;

import com.novapos.model.customer.Pii;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

/**
 * Masks the personal data of a canonical record for logs and exports: every record component
 * marked {@link Pii} is masked, so a new personal field is covered the day it is added.
 *
 * <p>Text keeps its first character per word ({@code Jon Snow → J** S***}), an email its first
 * character and domain ({@code j**@example.com}), a phone its last two digits; dates become null.
 */
public final class PiiMasking {
    private PiiMasking() {
    }

    /** A copy of the record with every {@link Pii} component masked. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R mask(R record) {
        if (record == null) {
            return null;
        }
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                Object value = component.getAccessor().invoke(record);
                types[i] = component.getType();
                values[i] = component.isAnnotationPresent(Pii.class) ? maskValue(component.getName(), value)
                        : value instanceof Record nested ? mask(nested) : value;
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot mask " + record.getClass().getSimpleName(), e);
        }
    }

    static Object maskValue(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate) {
            return null;
        }
        String text = value.toString();
        if (field.toLowerCase().contains("email") && text.contains("@")) {
            int at = text.indexOf('@');
            return text.charAt(0) + "**" + text.substring(at);
        }
        if (field.toLowerCase().contains("phone")) {
            String digits = text.replaceAll("\\D", "");
            return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        StringBuilder masked = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            if (!word.isEmpty()) {
                masked.append(word.charAt(0)).append("*".repeat(Math.max(2, word.length() - 1)));
            }
        }
        return masked.toString();
    }
}
