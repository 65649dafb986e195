/**
 * The public error model: every error a client sees carries a stable code from {@link dev.facet.errors.ErrorCode}
 * and a message that is safe to show. Anything else is logged here and answered as {@code INTERNAL}.
 */
package dev.facet.errors;
