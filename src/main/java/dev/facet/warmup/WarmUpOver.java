package dev.facet.warmup;

/**
 * Fired, synchronously, when the warm-up has ended and before readiness reports UP: what recorded the warm-up's
 * requests like any caller's (so that its code was warm too) forgets them now.
 */
public record WarmUpOver() {
}
