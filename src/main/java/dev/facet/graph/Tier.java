package dev.facet.graph;

public enum Tier {
    STANDARD, GOLD, PLATINUM
}
