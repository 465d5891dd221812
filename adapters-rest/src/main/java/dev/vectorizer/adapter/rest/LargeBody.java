package dev.vectorizer.adapter.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose body is streamed, not parsed in memory (a backup upload): the
 * general body limit does not apply to it, the upload limit ({@code vectorizer.backup.max-upload-bytes}) does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {
}
