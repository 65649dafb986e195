package dev.facet.contract;

import static io.smallrye.graphql.api.DirectiveLocation.FIELD_DEFINITION;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Directive;

/**
 * The clients whose schema holds a field. Every root field needs it; a nested field needs it only when it is meant
 * for some clients of its type. SmallRye renders it as the directive {@code @servedTo}, which the per-client
 * projection reads and then removes, so no client ever sees it.
 */
@Directive(on = FIELD_DEFINITION)
@Description("The clients whose schema holds this field")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServedTo {

    @NonNull
    String[] value();
}
